package dev.parley.conversation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a conversation, with its one transition table: {@code bot} while a bot session is
 * active, {@code inbox} while unassigned, {@code assigned} while a human has it, {@code ended}.
 */
public enum ConversationStatus {
    BOT, INBOX, ASSIGNED, ENDED;

    private static final Map<ConversationStatus, Set<ConversationStatus>> ALLOWED = Map.of(
            BOT, EnumSet.of(BOT, INBOX, ASSIGNED, ENDED),
            INBOX, EnumSet.of(BOT, ASSIGNED, ENDED),
            ASSIGNED, EnumSet.of(INBOX, ASSIGNED, ENDED, BOT),
            ENDED, EnumSet.noneOf(ConversationStatus.class));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** Checks a transition; throws {@link IllegalTransitionException} naming {@code from → to}. */
    public ConversationStatus to(ConversationStatus next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** A lifecycle transition that the table does not allow. */
    public static final class IllegalTransitionException extends RuntimeException {
        IllegalTransitionException(ConversationStatus from, ConversationStatus to) {
            super("conversation cannot go from " + from.wire() + " to " + to.wire());
        }
    }
}
