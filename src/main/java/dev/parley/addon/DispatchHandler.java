package dev.parley.addon;

import dev.parley.metrics.LogContext;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox entries of one dispatch kind through its {@link DispatchRunner} and records the
 * outcome on the dispatch: delivered, failed for good, or retried with the outbox's backoff.
 */
final class DispatchHandler implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(DispatchHandler.class);

    private final Database db;
    private final Clock clock;
    private final DispatchStore store;
    private final EndedConversations ended;
    private final DispatchRunner runner;

    DispatchHandler(Database db, Clock clock, DispatchStore store, EndedConversations ended, DispatchRunner runner) {
        this.db = db;
        this.clock = clock;
        this.store = store;
        this.ended = ended;
        this.runner = runner;
    }

    @Override
    public String kind() {
        return runner.kind();
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String id = dispatchId(entry);
        Optional<Dispatch> dispatch = db.read(h -> store.find(h, id)).filter(d -> d.status() == DispatchStatus.QUEUED);
        if (dispatch.isEmpty()) {
            return new Result.Done(tx -> {});
        }
        LogContext.conversation(dispatch.get().conversationId());
        Instant endedAt = Instant.parse(entry.payload().path("ended_at").asText());
        Optional<EndedConversation> conversation = db.read(h -> ended.read(h, dispatch.get().conversationId(),
                endedAt));
        Attempt attempt = conversation.isEmpty() ? new Attempt.Rejected("the conversation no longer exists")
                : runner.run(dispatch.get(), conversation.get(), entry);
        return switch (attempt) {
            case Attempt.Delivered d -> new Result.Done(tx -> store.finish(tx, id, DispatchStatus.DELIVERED,
                    entry.attempt(), Optional.empty(), clock.instant()));
            case Attempt.Rejected r -> {
                log.warn("{} dispatch {} failed and is not retried: {}", kind(), id, r.error());
                yield new Result.Done(tx -> store.finish(tx, id, DispatchStatus.FAILED, entry.attempt(),
                        Optional.of(r.error()), clock.instant()));
            }
            case Attempt.Failed f -> new Result.Retry(f.error(), tx -> store.attempted(tx, id, entry.attempt(),
                    f.error()), Optional.empty());
        };
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        log.warn("{} dispatch {} failed after {} attempts: {}", kind(), dispatchId(entry), entry.attempt(), lastError);
        store.finish(tx, dispatchId(entry), DispatchStatus.FAILED, entry.attempt(), Optional.of(lastError),
                clock.instant());
    }

    private static String dispatchId(OutboxEntry entry) {
        return entry.payload().path("dispatch_id").asText();
    }
}
