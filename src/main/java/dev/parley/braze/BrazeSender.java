package dev.parley.braze;

import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox handler of the {@code braze} lane: one delivery drains everything pending from all
 * conversations, request after request, in full batches, and then merges alias users of contacts that got
 * an external customer id ({@link AliasMerger}). A request Braze did not take (429, 5xx, no
 * answer) stays recorded and open; the handler then queues its own next run for the retry time, so a
 * Braze outage delays updates without ever using up outbox attempts. Without a Braze account (the
 * selected environment changed since the updates were stored) nothing is sent and they stay pending.
 */
final class BrazeSender implements OutboxHandler {
    static final String LANE = "braze";
    static final String KIND = "braze.track";

    private final Database db;
    private final Clock clock;
    private final Outbox outbox;
    private final BrazeStore store;
    private final Batcher batcher;
    private final Optional<BrazeClient> client;
    private final AnswerRecorder recorder;
    private final Optional<AliasMerger> merger;

    BrazeSender(Database db, Clock clock, Outbox outbox, BrazeStore store, Batcher batcher, Optional<BrazeClient> client,
            AnswerRecorder recorder, Optional<AliasMerger> merger) {
        this.db = db;
        this.clock = clock;
        this.outbox = outbox;
        this.store = store;
        this.batcher = batcher;
        this.client = client;
        this.recorder = recorder;
        this.merger = merger;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        if (client.isEmpty()) {
            return new Result.Done(tx -> store.resetWake(tx));
        }
        db.useWrite(store::resetWake);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return runAgainAt(clock.instant());
            }
            Instant now = clock.instant();
            Batcher.Formation next = db.write(tx -> store.openRequest(tx.handle())
                    .<Batcher.Formation>map(Batcher.Formation.Formed::new)
                    .orElseGet(() -> batcher.form(tx, now)));
            switch (next) {
                case Batcher.Formation.Nothing n -> {
                    switch (merge()) {
                        case AliasMerger.Merging.Nothing none -> {
                            return new Result.Done(tx -> {});
                        }
                        case AliasMerger.Merging.RetryAt r -> {
                            return runAgainAt(r.due());
                        }
                        case AliasMerger.Merging.Merged m -> {
                        }
                    }
                }
                case Batcher.Formation.WaitUntil w -> {
                    if (!(merge() instanceof AliasMerger.Merging.Merged)) {
                        return runAgainAt(w.due());
                    }
                }
                case Batcher.Formation.Formed f -> {
                    if (f.request().nextAttemptAt().isAfter(now)) {
                        return runAgainAt(f.request().nextAttemptAt());
                    }
                    Optional<Instant> retryAt = recorder.record(f.request(), client.get().track(f.request().body()));
                    if (retryAt.isPresent()) {
                        return runAgainAt(retryAt.get());
                    }
                }
            }
        }
    }

    private AliasMerger.Merging merge() {
        return merger.map(AliasMerger::mergeDue).orElseGet(AliasMerger.Merging.Nothing::new);
    }

    /** Internal failures used up the entry's attempts: let the next writer queue a fresh run. */
    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        store.resetWake(tx);
    }

    /** Queues a run of this lane at {@code due}; done in the transaction that removes the current entry. */
    static void queue(Outbox outbox, Tx tx, Instant due) {
        outbox.enqueueAt(tx, LANE, KIND, Json.object(), due);
    }

    private Result runAgainAt(Instant due) {
        return new Result.Done(tx -> queue(outbox, tx, due));
    }
}
