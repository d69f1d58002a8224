package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelType;
import dev.parley.routing.Widget;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a conversation opens, on every channel: a contact opening the widget, a flow's test chat,
 * an outreach, and the first message of a contact on a messaging channel. In the caller's transaction,
 * with the contact already stored.
 */
public final class ConversationOpener {

    /** Who handles the conversation once stored. */
    public sealed interface Handling {
        /** The widget's routing (behavior modes, bots, operators, inbox); {@code returning}: a contact who came back. */
        record Route(boolean returning) implements Handling {}

        /** A given bot, with {@code variables} in its context; a {@code test} chat stays out of the operators' lists. */
        record StartBot(String botId, ObjectNode variables, boolean test) implements Handling {}

        /**
         * Nobody yet: the conversation waits for the contact's answer (an outreach on a messaging channel, whose bot
         * starts with the reply).
         */
        record AwaitReply() implements Handling {}
    }

    /** What the conversation holds before it is handed on. */
    public sealed interface First {
        record Nothing() implements First {}

        /** What the business shows first (an outreach's message or WhatsApp template), by {@code author}. */
        record FromBusiness(Author author, ChatPacket message) implements First {}

        /**
         * The contact's first text or upload on a messaging channel: stored on the timeline, and carried by
         * the bot's {@code start} event instead of a separate {@code message} or {@code media}.
         */
        record FromContact(ChatPacket.Start start) implements First {
            public FromContact {
                if (start.body().isEmpty() && start.upload().isEmpty()) {
                    throw new IllegalArgumentException("a first message from the contact has a body or an upload");
                }
            }
        }
    }

    /** A conversation to open: where, with whom, what it holds first, and who handles it. */
    public record Opening(Widget widget, ChannelType channel, Contact contact, Optional<String> pageUrl,
            boolean proactive, Map<String, ObjectNode> pageTags, First first, Handling handling) {
        public Opening {
            pageTags = Map.copyOf(pageTags);
        }
    }

    private final Ids ids;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final ConversationHooks hooks;
    private final PageTagHook pageTagHook;
    private final ContactWrites writes;

    public ConversationOpener(Ids ids, ConversationStore conversations, TimelineStore timeline,
            ConversationHooks hooks, PageTagHook pageTagHook, MediaQuota mediaQuota) {
        this.ids = ids;
        this.conversations = conversations;
        this.timeline = timeline;
        this.hooks = hooks;
        this.pageTagHook = pageTagHook;
        this.writes = new ContactWrites(timeline, hooks, mediaQuota);
    }

    /**
     * Stores the conversation and what it holds first, and hands it on; returns its state after that.
     * {@code now} is the moment the caller stored the contact with, so the page tags it sent carry one time.
     */
    public Conversation open(Tx tx, Opening o, Instant now) {
        Conversation conv = Conversation.open(ids.next("conv"), o.widget(), o.channel(), o.contact(), o.pageUrl(),
                o.proactive(), now);
        conversations.insert(tx, conv);
        if (!o.pageTags().isEmpty()) {
            pageTagHook.tagged(tx, conv, o.contact(), o.pageTags(), now);
        }
        ChatPacket.Start start = switch (o.first()) {
            case First.Nothing nothing -> ChatPacket.Start.empty();
            case First.FromBusiness business -> {
                timeline.append(tx, conv.id(), business.author(), business.message(), true, Optional.empty());
                yield ChatPacket.Start.empty();
            }
            case First.FromContact contact -> {
                storeFirst(tx, conv, o.contact(), contact.start());
                yield contact.start();
            }
        };
        return switch (o.handling()) {
            case Handling.Route route -> hooks.opened(tx, conv, o.contact(), route.returning(), start);
            case Handling.StartBot bot -> {
                if (bot.test()) {
                    tx.handle().createUpdate("UPDATE conversations SET test = 1 WHERE id = :id")
                            .bind("id", conv.id()).execute();
                }
                yield hooks.startBot(tx, conv, bot.botId(), bot.variables(), start);
            }
            case Handling.AwaitReply await -> conv;
        };
    }

    private void storeFirst(Tx tx, Conversation conv, Contact contact, ChatPacket.Start start) {
        start.body().ifPresent(body -> writes.store(tx, conv.id(), contact, ChatPacket.Message.text(body),
                Optional.empty()));
        start.upload().ifPresent(media -> writes.store(tx, conv.id(), contact, media, Optional.empty()));
    }
}
