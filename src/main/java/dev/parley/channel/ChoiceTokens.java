package dev.parley.channel;

import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Short opaque tokens (at most {@link #MAX_BYTES} bytes) standing for one option of one choice message: the
 * WhatsApp reply-button and list-row id, the Messenger postback and quick-reply payload and the Telegram
 * {@code callback_data} are the token, never the bot's option id, which may be long or say too much. One
 * mapping serves every channel; the same option of the same choice always gets the same token.
 */
public final class ChoiceTokens {
    /** Telegram's {@code callback_data} limit, the smallest of the vendors'. */
    public static final int MAX_BYTES = 64;
    private static final String PREFIX = "c";

    private final ChoiceTokenStore store = new ChoiceTokenStore();
    private final Ids ids;
    private final Clock clock;

    public ChoiceTokens(Ids ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** What a token stands for: the option {@code optionId} of the choice at {@code choiceSeq} of a conversation. */
    public record Choice(String conversationId, long choiceSeq, String optionId) {}

    /** The token for an option, made in {@code tx} the first time it is asked for. */
    public String issue(Tx tx, String conversationId, long choiceSeq, String optionId) {
        tx.lock("choice-token:" + conversationId + ":" + choiceSeq);
        return store.find(tx.handle(), conversationId, choiceSeq, optionId).orElseGet(() -> {
            String token = PREFIX + ids.hex32();
            store.insert(tx, token, new Choice(conversationId, choiceSeq, optionId), clock.instant());
            return token;
        });
    }

    /** What {@code token} stands for; empty for a token Parley did not issue (or one too long to be one). */
    public Optional<Choice> resolve(Handle handle, String token) {
        if (token.isEmpty() || token.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        return store.resolve(handle, token);
    }
}
