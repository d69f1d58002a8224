package dev.parley.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One pending effect. Entries of one {@code lane} are delivered one at a time, in {@code id} order;
 * {@code eventId} stays the same across retries (the consumer's idempotency key).
 */
public record OutboxEntry(long id, String lane, String kind, String eventId, ObjectNode payload, int attempts,
        Instant nextAttemptAt, Instant createdAt) {

    /** The attempt number of the delivery about to be made (1, 2, …). */
    public int attempt() {
        return attempts + 1;
    }
}
