package dev.parley.operator;

import dev.parley.config.Role;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import java.util.Optional;

/**
 * Who may do what with a conversation: one rule per action, the rules docs/console.md lists. Every
 * operator API call on a conversation, and the operator stream, asks here and nowhere else.
 *
 * <p>A conversation an operator may not see answers 404 to every action, as to {@code GET}, so its
 * existence is not revealed; one they see but may not change answers 403, or 409 when the state
 * (ended, not assigned to them) is what stands in the way.
 */
final class ConversationAccess {
    private ConversationAccess() {}

    /** What an operator does with one conversation. */
    enum Action { VIEW, NOTE, TAKE, REPLY, FORWARD, END }

    /** Agents do not see conversations while a bot has them; admins see all. */
    static boolean visible(Operator me, ConversationStatus status) {
        return me.role() == Role.ADMIN || status != ConversationStatus.BOT;
    }

    /** Throws the refusal when {@code me} may not do {@code action} with {@code conv}. */
    static void check(Operator me, Conversation conv, Action action) {
        if (!visible(me, conv.status())) {
            throw ClientError.notFound("conversation", conv.id());
        }
        switch (action) {
            case VIEW, NOTE -> { }
            case REPLY -> {
                requireOpen(conv);
                if (!mine(me, conv)) {
                    throw ClientError.conflict("not_assigned_to_you",
                            "conversation '" + conv.id() + "' is not assigned to you; take it first");
                }
            }
            case TAKE, FORWARD, END -> {
                requireOpen(conv);
                boolean allowed = me.role() == Role.ADMIN || conv.status() == ConversationStatus.INBOX
                        || mine(me, conv);
                if (!allowed) {
                    throw new ClientError(ClientError.Kind.FORBIDDEN, "forbidden", "conversation '" + conv.id()
                            + "' is assigned to someone else; only admins may " + verb(action) + " it",
                            Optional.empty(), Optional.empty());
                }
            }
        }
    }

    private static boolean mine(Operator me, Conversation conv) {
        return conv.status() == ConversationStatus.ASSIGNED && conv.assignee()
                .filter(a -> a.type() == Conversation.Assignee.Type.OPERATOR && a.id().equals(me.id())).isPresent();
    }

    private static void requireOpen(Conversation conv) {
        if (conv.status() == ConversationStatus.ENDED) {
            throw ClientError.conflict("conversation_ended", "conversation '" + conv.id() + "' has ended");
        }
    }

    private static String verb(Action action) {
        return switch (action) {
            case VIEW -> "view";
            case NOTE -> "add a note to";
            case TAKE -> "take";
            case REPLY -> "reply to";
            case FORWARD -> "forward";
            case END -> "end";
        };
    }
}
