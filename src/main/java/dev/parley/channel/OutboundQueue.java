package dev.parley.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.PacketCodec;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.store.Tx;

/**
 * The one way items leave through a messaging channel: every item a bot, operator or flow shows the contact of
 * a conversation on WhatsApp, Messenger or Telegram is queued in the outbox, in the transaction that appends it, on the
 * conversation's own lane (so they arrive in order). A choice's option ids are replaced by their choice tokens
 * here, once.
 */
public final class OutboundQueue implements TimelineStore.AppendListener {
    /** The outbox kind of channel sends. */
    public static final String KIND = "channel_send";
    private final Outbox outbox;
    private final ChoiceTokens tokens;

    public OutboundQueue(Outbox outbox, ChoiceTokens tokens) {
        this.outbox = outbox;
        this.tokens = tokens;
    }

    static String lane(String conversationId) {
        return "channel:" + conversationId;
    }

    @Override
    public void appended(Tx tx, String channelType, TimelineItem item) {
        // every channel but the website widget, which reads the timeline itself, is sent through its vendor
        if (ChannelType.WEB.wire().equals(channelType) || !Outgoing.sent(item)) {
            return;
        }
        ObjectNode payload = Json.object().put("conversation_id", item.conversationId()).put("item_id", item.id());
        payload.set("packet", PacketCodec.toJson(tokenised(tx, item)));
        outbox.enqueue(tx, lane(item.conversationId()), KIND, payload);
    }

    private Packet tokenised(Tx tx, TimelineItem item) {
        if (!(item.packet() instanceof ChoicePacket choice)) {
            return item.packet();
        }
        return switch (choice) {
            case ChoicePacket.Bubbles b -> new ChoicePacket.Bubbles(b.body(), b.textFormat(),
                    b.options().stream().map(o -> new ChoicePacket.Option(token(tx, item, o.id()), o.label())).toList(),
                    b.fallback());
            case ChoicePacket.ButtonTemplate t -> new ChoicePacket.ButtonTemplate(t.header(), t.body(), t.textFormat(),
                    t.footer(), t.options().stream()
                            .map(o -> new ChoicePacket.Option(token(tx, item, o.id()), o.label())).toList(),
                    t.fallback());
            case ChoicePacket.ListTemplate l -> new ChoicePacket.ListTemplate(l.headline(), l.body(), l.textFormat(),
                    l.button(), l.footer(), l.listHeadline(), l.options().stream()
                            .map(o -> new ChoicePacket.ListOption(token(tx, item, o.id()), o.label(), o.description()))
                            .toList(), l.fallback());
            case ChoicePacket.Carousel c -> c;
            case ChoicePacket.Button b -> b;
            case ChoicePacket.Buttons b -> b;
            case ChoicePacket.Navigate n -> n;
        };
    }

    private String token(Tx tx, TimelineItem item, String optionId) {
        return tokens.issue(tx, item.conversationId(), item.seq(), optionId);
    }
}
