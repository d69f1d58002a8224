package dev.parley.outbox;

import dev.parley.store.Tx;
import java.time.Duration;
import java.util.function.Consumer;

/** Delivers the outbox entries of one {@code kind} (webhook calls, channel sends, …). */
public interface OutboxHandler {

    String kind();

    /** Makes one delivery attempt. Must not throw for expected failures; return {@link Result.Retry}. */
    Result deliver(OutboxEntry entry);

    /** Retries are exhausted: the entry moves to the dead-letter table in {@code tx}; react in the same transaction. */
    void exhausted(Tx tx, OutboxEntry entry, String lastError);

    /** How many attempts an entry gets and how long the first backoff is. */
    RetryPolicy retryPolicy(OutboxEntry entry);

    /** The outcome of one attempt. */
    sealed interface Result {
        /** Delivered: {@code effects} run in the transaction that removes the entry. */
        record Done(Consumer<Tx> effects) implements Result {}

        /** Failed for a reason that may pass: try again after backoff. {@code effects} are recorded either way. */
        record Retry(String error, Consumer<Tx> effects, java.util.Optional<Duration> notBefore) implements Result {}
    }
}
