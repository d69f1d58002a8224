package dev.parley.channel.meta;

/**
 * The outcome of one Graph API call (a send, a media download): done, worth retrying later, or refused for good.
 *
 * @param <T> what a call that succeeded gives, such as the vendor's message id
 */
public sealed interface GraphOutcome<T> {

    /** The call succeeded. */
    record Done<T>(T value) implements GraphOutcome<T> {}

    /**
     * Worth retrying through the outbox: a 5xx, a 429 or one of Meta's rate-limit and temporary codes (4, 17,
     * 32, 613, 80007, 130429, 131000, 131016, 131048, 131056, 133004, 1200…), a network error or a timeout.
     * {@code retryAfter} is the answer's {@code Retry-After} (in seconds), when it had one.
     */
    record Retry<T>(GraphError error, java.util.Optional<java.time.Duration> retryAfter) implements GraphOutcome<T> {
        public Retry(GraphError error) {
            this(error, java.util.Optional.empty());
        }
    }

    /**
     * Refused for good: retrying cannot help (131026 not a WhatsApp user, 131047 re-engagement required, 190
     * invalid token, 100 invalid parameter, 551 person unavailable…); shown on the conversation's timeline.
     */
    record Permanent<T>(GraphError error) implements GraphOutcome<T> {}
}
