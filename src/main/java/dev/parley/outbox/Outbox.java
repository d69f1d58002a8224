package dev.parley.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.metrics.LogContext;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import dev.parley.store.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue every effect leaves through. Entries are written in the caller's transaction;
 * after commit their lane is woken. One virtual thread drains a lane at a time, so entries of a lane
 * are delivered in order; a poller picks up due retries and whatever was left by a previous run. Nodes
 * sharing a PostgreSQL database drain a lane only while they hold its lease ({@link Lanes}).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** How long a lane's lease lasts unless renewed: a dead node's lanes go on elsewhere after this. */
    public static final Duration LEASE_TTL = Duration.ofSeconds(5);

    private final Database db;
    private final Clock clock;
    private final Lanes lanes;
    private final Ids ids;
    private final OutboxStore store = new OutboxStore();
    private final Map<String, OutboxHandler> handlers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-poller").daemon().factory());
    private volatile boolean closed;

    /** An outbox drained as {@link Drainers#of} the database's dialect: alone on SQLite, under leases on PostgreSQL. */
    public Outbox(Database db, Clock clock, Ids ids) {
        this(db, clock, ids, Drainers.of(db.dialect()));
    }

    public Outbox(Database db, Clock clock, Ids ids, Drainers drainers) {
        this(db, clock, ids, drainers, LEASE_TTL);
    }

    public Outbox(Database db, Clock clock, Ids ids, Drainers drainers, Duration leaseTtl) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.lanes = new Lanes(db, clock, store, ids.next("node"), leaseTtl, drainers, this::deliver);
    }

    /** Adds the handler of one kind; call before {@link #start}. */
    public void register(OutboxHandler handler) {
        handlers.put(handler.kind(), handler);
    }

    /** Starts the poller; entries left from a previous run are picked up by it. */
    public void start(Duration pollInterval) {
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues an effect in {@code tx}; returns its event id. */
    public String enqueue(Tx tx, String lane, String kind, ObjectNode payload) {
        return enqueueAt(tx, lane, kind, payload, clock.instant());
    }

    /** Queues an effect that is due at {@code due} (picked up by the poller then). */
    public String enqueueAt(Tx tx, String lane, String kind, ObjectNode payload, Instant due) {
        if (!handlers.containsKey(kind)) {
            throw new IllegalArgumentException("no outbox handler for kind " + kind);
        }
        String eventId = ids.next("evt");
        store.insert(tx, lane, kind, eventId, Json.write(payload), clock.instant(), due);
        tx.afterCommit(() -> lanes.wake(lane));
        return eventId;
    }

    /**
     * Completes an entry away from its lane's worker (a bot's answer that came after its call timed out):
     * removes it in {@code tx} if it is still queued, and lets the lane go on after commit. Returns false
     * when it was gone already. An attempt of it still under way then finds it gone and changes nothing.
     */
    public boolean complete(Tx tx, OutboxEntry entry) {
        boolean removed = store.delete(tx, entry.id());
        if (removed) {
            tx.afterCommit(() -> lanes.wake(entry.lane()));
        }
        return removed;
    }

    /**
     * Replaces the payload of an entry still queued, in {@code tx} (a handler's {@link OutboxHandler.Result.Retry}
     * effects): what a later attempt needs to know of this one, such as the parts of a channel send the vendor
     * already took. Nothing happens when the entry is gone.
     */
    public void amend(Tx tx, OutboxEntry entry, ObjectNode payload) {
        store.updatePayload(tx, entry.id(), Json.write(payload));
    }

    public long depth() {
        return db.read(store::depth);
    }

    /** Entries waiting, per registered kind: how many, and when the oldest was queued. */
    public Map<String, Backlog> backlog() {
        Map<String, Backlog> byKind = new java.util.TreeMap<>();
        handlers.keySet().forEach(kind -> byKind.put(kind, Backlog.NONE));
        byKind.putAll(db.read(store::backlog));
        return byKind;
    }

    /** Entries whose retries ran out, per registered kind. */
    public Map<String, Long> deadLetters() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        handlers.keySet().forEach(kind -> byKind.put(kind, 0L));
        byKind.putAll(db.read(store::deadLetters));
        return byKind;
    }

    /**
     * True when nothing is left to do: no entry is queued (due or scheduled for later) and no lane is
     * being delivered. What a delivery queues in its own transaction wakes its lane before the delivering
     * lane stops, so a drained outbox cannot be followed by a delivery nobody queued after it.
     */
    public boolean drained() {
        return !delivering() && depth() == 0;
    }

    /** True while a lane is being drained on this node. */
    boolean delivering() {
        return !lanes.idle();
    }

    /** Returns true when the entry left the lane (delivered). */
    private boolean deliver(OutboxEntry entry) {
        LogContext.event(entry.eventId());
        try {
            return attempt(entry);
        } finally {
            LogContext.clear();
        }
    }

    private boolean attempt(OutboxEntry entry) {
        OutboxHandler handler = handlers.get(entry.kind());
        OutboxHandler.Result result;
        try {
            result = handler.deliver(entry);
        } catch (RuntimeException e) {
            log.error("outbox handler {} threw for entry {}", entry.kind(), entry.id(), e);
            result = new OutboxHandler.Result.Retry("internal error: " + e.getClass().getSimpleName(), tx -> {},
                    Optional.empty());
        }
        switch (result) {
            case OutboxHandler.Result.Done done -> {
                try {
                    db.useWrite(tx -> {
                        if (store.delete(tx, entry.id())) {
                            done.effects().accept(tx);
                        }
                    });
                    return true;
                } catch (RuntimeException e) {
                    log.error("storing the result of outbox entry {} ({}) failed", entry.id(), entry.kind(), e);
                    fail(handler, entry, new OutboxHandler.Result.Retry("storing the result failed: "
                            + e.getClass().getSimpleName(), tx -> {}, Optional.empty()));
                    return false;
                }
            }
            case OutboxHandler.Result.Retry retry -> {
                fail(handler, entry, retry);
                return false;
            }
        }
    }

    /** Counts a failed attempt: reschedules with backoff, or buries the entry when attempts are used up. */
    private void fail(OutboxHandler handler, OutboxEntry entry, OutboxHandler.Result.Retry retry) {
        RetryPolicy policy = handler.retryPolicy(entry);
        db.useWrite(tx -> {
            retry.effects().accept(tx);
            Instant now = clock.instant();
            if (!store.exists(tx.handle(), entry.id())) {
                // completed meanwhile by someone else (Outbox#complete): nothing left to retry or bury
                return;
            }
            if (entry.attempt() >= policy.attempts()) {
                store.bury(tx, entry, retry.error(), now);
                handler.exhausted(tx, entry, retry.error());
            } else {
                Duration wait = policy.delayAfter(entry.attempt());
                Instant next = now.plus(wait);
                if (retry.notBefore().isPresent() && retry.notBefore().get().compareTo(wait) > 0) {
                    next = now.plus(retry.notBefore().get());
                }
                store.reschedule(tx, entry.id(), entry.attempt(), next, retry.error());
            }
        });
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            db.read(h -> store.dueLanes(h, clock.instant(), 1000)).forEach(lanes::wake);
        } catch (RuntimeException e) {
            log.warn("outbox poll failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        Timers.stop(poller);
        lanes.close();
    }
}
