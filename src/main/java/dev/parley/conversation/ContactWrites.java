package dev.parley.conversation;

import dev.parley.store.Tx;
import java.util.Optional;

/**
 * The one way a contact's packet enters a conversation, whatever it came through: the website widget's contact API
 * ({@link ContactService}) or a messaging channel's webhook ({@code channel.InboundPipeline}), as a later message or
 * as the first one a conversation opens with. Every channel has normalised and de-duplicated its input before: the
 * widget by the client's id ({@link ConversationStore#lockForClientWrite}), a messaging channel by the vendor's
 * message id. Here, in the caller's transaction, under the conversation's lock: a file is charged against the
 * conversation's {@link MediaQuota}, the packet is appended to the timeline by the contact, a click is recorded as its
 * choice's answer, and — unless the packet rides in the bot's {@code start} — the hooks hand it on (bot, operators,
 * live fan-out to widget and console).
 */
public final class ContactWrites {
    private final TimelineStore timeline;
    private final ConversationHooks hooks;
    private final MediaQuota quota;

    public ContactWrites(TimelineStore timeline, ConversationHooks hooks, MediaQuota quota) {
        this.timeline = timeline;
        this.hooks = hooks;
        this.quota = quota;
    }

    /** Stores {@code packet} as the contact's and hands it on to whoever handles the conversation. */
    public TimelineItem write(Tx tx, Conversation conversation, Contact contact, Packet packet,
            Optional<String> clientId) {
        TimelineItem item = store(tx, conversation.id(), contact, packet, clientId);
        hooks.contactWrote(tx, conversation, item);
        return item;
    }

    /**
     * Stores {@code packet} as the contact's without handing it on: the caller hands on something else, such as the
     * bot's {@code start} that carries it.
     */
    public TimelineItem store(Tx tx, String conversationId, Contact contact, Packet packet,
            Optional<String> clientId) {
        if (packet instanceof ChatPacket.Media media) {
            quota.charge(tx, conversationId, media.size());
        }
        TimelineItem item = timeline.append(tx, conversationId, Author.contact(contact.id(), contact.name()), packet,
                true, clientId);
        if (packet instanceof ChatPacket.Click click && click.messageId().isPresent()) {
            Choices.recordAnswer(tx, conversationId, click.messageId().get(), click.value().id(), item.seq());
        }
        return item;
    }
}
