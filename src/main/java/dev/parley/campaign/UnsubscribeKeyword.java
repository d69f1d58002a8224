package dev.parley.campaign;

import dev.parley.channel.InboundStep;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactWrites;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.Packet;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.metrics.Meters;
import dev.parley.store.Tx;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The channel's unsubscribe keyword (channels.md §4), before the bot sees the message: a message that is the
 * keyword and nothing else (letter case and surrounding white space do not matter) unsubscribes the contact from
 * the channel's campaigns, is answered with the channel's confirmation, and reaches the bot only as
 * {@code campaign_unsubscribe} with the configured keyword. Where the vendor confirms the opt-out itself (Twilio's
 * Advanced Opt-Out answers STOP), Parley's confirmation is not sent, so the contact gets one, not two.
 */
public final class UnsubscribeKeyword implements InboundStep {
    private final Campaigns campaigns;
    private final ContactWrites writes;
    private final TimelineStore timeline;
    private final ConversationHooks hooks;
    private final KeywordConfirmations confirmations;

    public UnsubscribeKeyword(Campaigns campaigns, ContactWrites writes, TimelineStore timeline,
            ConversationHooks hooks, KeywordConfirmations confirmations) {
        this.campaigns = campaigns;
        this.writes = writes;
        this.timeline = timeline;
        this.hooks = hooks;
        this.confirmations = confirmations;
    }

    /** Whether {@code packets} are one text that is {@code keyword}, ignoring case and surrounding white space. */
    static boolean isKeyword(String keyword, List<Packet> packets) {
        if (packets.size() != 1 || !(packets.getFirst() instanceof ChatPacket.Message message)) {
            return false;
        }
        String wanted = keyword.strip();
        return !wanted.isEmpty() && message.body().strip().toLowerCase(Locale.ROOT)
                .equals(wanted.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean handled(Tx tx, Inbound inbound) {
        ChannelConfig channel = inbound.channel().config();
        if (!isKeyword(channel.unsubscribeKeyword(), inbound.message().packets())) {
            return false;
        }
        Contact contact = inbound.contact();
        campaigns.set(tx, contact.id(), channel.id(), false, CampaignStore.Source.KEYWORD);
        tx.afterCommit(() -> Meters.campaignUnsubscribed(channel.id()));
        boolean vendorConfirms = inbound.channel().adapter().vendorConfirmsOptOut(channel.unsubscribeKeyword());
        Optional<Conversation> open = inbound.conversation();
        if (open.isEmpty()) {
            if (!vendorConfirms) {
                confirmations.send(tx, channel.id(), inbound.message().vendorUserId(),
                        channel.unsubscribeConfirmation());
            }
            return true;
        }
        Conversation conv = open.get();
        writes.store(tx, conv.id(), contact, inbound.message().packets().getFirst(), Optional.empty());
        if (!vendorConfirms) {
            timeline.append(tx, conv.id(), Author.system(),
                    ChatPacket.Message.text(channel.unsubscribeConfirmation()), true, Optional.empty());
        }
        TimelineItem unsubscribed = timeline.append(tx, conv.id(), Author.system(),
                new ChatPacket.CampaignUnsubscribe(channel.unsubscribeKeyword().strip()), false, Optional.empty());
        hooks.contactWrote(tx, conv, unsubscribed);
        return true;
    }
}
