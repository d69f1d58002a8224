package dev.parley.channel;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ContactWrites;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationOpener;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.MediaQuota;
import dev.parley.conversation.Packet;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts and conversations of messaging channels: a vendor's user on a channel is one contact; their first
 * message opens a conversation on the channel's widget (riding in the bot's {@code start}), later ones are added
 * to the conversation that is open, until it ends.
 */
final class ChannelConversations {

    /** A contact, and whether they wrote on the channel before. */
    record Writer(Contact contact, boolean returning) {}

    private final Ids ids;
    private final ChannelRecords store;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final ConversationOpener opener;
    private final ContactWrites writes;

    ChannelConversations(Ids ids, ChannelRecords store, WorkspaceStore workspace, ContactStore contacts,
            ConversationStore conversations, TimelineStore timeline, ConversationHooks hooks,
            ConversationOpener opener, MediaQuota quota) {
        this.ids = ids;
        this.store = store;
        this.workspace = workspace;
        this.contacts = contacts;
        this.conversations = conversations;
        this.opener = opener;
        this.writes = new ContactWrites(timeline, hooks, quota);
    }

    /** The contact writing {@code message} on {@code channel}, made the first time. */
    Writer writer(Tx tx, ServedChannel channel, InboundMessage message, Instant now) {
        Optional<Contact> known = store.contactOf(tx.handle(), channel.id(), message.vendorUserId())
                .flatMap(id -> contacts.find(tx.handle(), id));
        if (known.isPresent()) {
            return new Writer(known.get(), true);
        }
        Optional<String> mobile = channel.type() == ChannelType.WHATSAPP
                ? Optional.of("+" + message.vendorUserId())
                : channel.type() == ChannelType.SMS ? Optional.of(message.vendorUserId()) : Optional.empty();
        Contact contact = new Contact(ids.next("ct"), message.name(), Optional.empty(), mobile, Optional.empty(),
                Optional.empty(), Json.object(), Json.object(), Json.object(), now);
        contacts.insert(tx, contact);
        store.addContact(tx, channel.id(), message.vendorUserId(), contact.id(), now);
        return new Writer(contact, false);
    }

    /** The user's conversation on the channel that has not ended, locked. */
    Optional<Conversation> open(Tx tx, ServedChannel channel, String vendorUserId) {
        return store.openConversation(tx.handle(), channel.id(), vendorUserId)
                .flatMap(id -> conversations.lock(tx, id))
                .filter(c -> c.status() != ConversationStatus.ENDED);
    }

    /** Adds {@code packets} to the open conversation, or opens one with the first; returns the conversation id. */
    String deliver(Tx tx, ServedChannel channel, Writer writer, Optional<Conversation> open, String vendorUserId,
            List<Packet> packets, Instant now) {
        if (open.isPresent()) {
            packets.forEach(p -> append(tx, open.get(), writer.contact(), p));
            return open.get().id();
        }
        Widget widget = workspace.openWidget(tx.handle(), channel.widgetId())
                .orElseThrow(() -> ClientError.notFound("widget of channel " + channel.id(), channel.widgetId()));
        Optional<ChatPacket.Start> start = start(packets.getFirst());
        ConversationOpener.First first = start.<ConversationOpener.First>map(ConversationOpener.First.FromContact::new)
                .orElseGet(ConversationOpener.First.Nothing::new);
        Conversation conv = opener.open(tx, new ConversationOpener.Opening(widget, channel.type(), writer.contact(),
                Optional.empty(), false, Map.of(), first, new ConversationOpener.Handling.Route(writer.returning())),
                now);
        store.addConversation(tx, conv.id(), channel.id(), vendorUserId, now);
        List<Packet> rest = start.isPresent() ? packets.subList(1, packets.size()) : packets;
        if (!rest.isEmpty()) {
            Conversation locked = conversations.lock(tx, conv.id()).orElseThrow();
            rest.forEach(p -> append(tx, locked, writer.contact(), p));
        }
        return conv.id();
    }

    private static Optional<ChatPacket.Start> start(Packet first) {
        if (first instanceof ChatPacket.Message m) {
            return Optional.of(new ChatPacket.Start(Optional.of(m.body()), Optional.empty()));
        }
        if (first instanceof ChatPacket.Media m) {
            return Optional.of(new ChatPacket.Start(Optional.empty(), Optional.of(m)));
        }
        return Optional.empty();
    }

    private void append(Tx tx, Conversation conv, Contact contact, Packet packet) {
        writes.write(tx, conv, contact, packet, Optional.empty());
    }
}
