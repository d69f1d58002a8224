package dev.parley.offline;

import dev.parley.channel.ChannelType;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineItem;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Answers that reach a widget visitor who is not there: when no operator of the conversation's group is
 * online the widget asks for an e-mail address (kept on the contact), and what an operator writes to a
 * visitor who no longer has the widget open is e-mailed to that address (when a mail server is set).
 */
public final class OfflineReplies {
    private final Database db;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final Outbox outbox;
    private final boolean mailing;

    /** {@code mailer}: how replies are e-mailed, absent without a mail server (nothing is e-mailed then). */
    public OfflineReplies(Database db, WorkspaceStore workspace, ContactStore contacts, Outbox outbox,
            Optional<OfflineReplyMailer> mailer) {
        this.db = db;
        this.workspace = workspace;
        this.contacts = contacts;
        this.outbox = outbox;
        this.mailing = mailer.isPresent();
        mailer.ifPresent(outbox::register);
    }

    /** Whether somebody answers the conversation now, and whether the widget should ask for an address. */
    public Availability availability(Contact contact, Conversation conversation) {
        boolean online = db.read(h -> operatorsOnline(h, conversation.groupId()));
        boolean waiting = conversation.status() == ConversationStatus.INBOX
                || conversation.status() == ConversationStatus.ASSIGNED;
        return new Availability(online, !online && waiting && contact.email().isEmpty());
    }

    /** Keeps {@code address} (already validated) as the contact's e-mail address. */
    public Contact leaveEmail(Contact contact, String address) {
        Contact updated = contact.withEmail(address);
        db.useWrite(tx -> contacts.update(tx, updated));
        return updated;
    }

    /** An operator wrote {@code item} in {@code conversation}: e-mail it if the visitor is gone by then. */
    public void operatorWrote(Tx tx, Conversation conversation, TimelineItem item) {
        if (mailing && ChannelType.WEB.wire().equals(conversation.channelType())) {
            outbox.enqueue(tx, "offline-mail:" + conversation.id(), OfflineReplyMailer.KIND, Json.object()
                    .put("conversation_id", conversation.id()).put("message_id", item.id()));
        }
    }

    private boolean operatorsOnline(Handle h, String groupId) {
        return workspace.operatorsOfGroup(h, groupId).stream().anyMatch(o -> "online".equals(o.status()));
    }

    /** {@code askForEmail}: nobody is online, the conversation waits for a human, and no address is known. */
    public record Availability(boolean operatorsOnline, boolean askForEmail) {}
}
