package dev.parley.operator;

import dev.parley.chatbot.ChatbotModule;
import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.store.Tx;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Moves the open conversations of a bot or human that is being deleted to the inbox; bot sessions end. */
final class AdminUnassign {
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final ChatbotModule chatbot;

    AdminUnassign(ConversationStore conversations, TimelineStore timeline, ChatbotModule chatbot) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.chatbot = chatbot;
    }

    /** Ids of the conversations {@code who} has now (a bot: its active sessions). */
    List<String> openOf(Handle h, Conversation.Assignee who) {
        return h.createQuery("""
                SELECT id FROM conversations WHERE assignee_type = :t AND assignee_id = :id
                  AND status IN ('bot', 'assigned') ORDER BY id""")
                .bind("t", wire(who.type())).bind("id", who.id()).mapTo(String.class).list();
    }

    /** Unassigns every conversation {@code who} has; answers how many went to the inbox. */
    int toInbox(Tx tx, Conversation.Assignee who, String reason) {
        int moved = 0;
        for (String id : openOf(tx.handle(), who)) {
            Optional<Conversation> locked = conversations.lock(tx, id)
                    .filter(c -> c.status() != ConversationStatus.ENDED && c.assignee().equals(Optional.of(who)));
            if (locked.isEmpty()) {
                continue;
            }
            Conversation conv = locked.get();
            conv.sessionCid().ifPresent(cid -> chatbot.endSession(tx, cid, reason));
            conversations.update(tx, conv.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty()));
            timeline.append(tx, conv.id(), Author.system(), forwarded(reason, who), true, Optional.empty());
            moved++;
        }
        return moved;
    }

    /** The conversation left {@code who} for the inbox. */
    private static StatePacket.ConversationForwarded forwarded(String reason, Conversation.Assignee who) {
        Optional<String> id = Optional.of(who.id());
        return switch (who.type()) {
            case BOT -> new StatePacket.ConversationForwarded(Optional.of(reason), id, Optional.empty(),
                    StatePacket.Target.inbox(Optional.empty()));
            case OPERATOR -> new StatePacket.ConversationForwarded(Optional.of(reason), Optional.empty(), id,
                    StatePacket.Target.inbox(Optional.empty()));
        };
    }

    private static String wire(Conversation.Assignee.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
