package dev.parley.outbox;

import dev.parley.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes this node drains: one virtual thread per lane at a time, delivering the lane's due head
 * entries in order, and only while this node holds the lane's lease ({@link LaneLeases}), so that
 * across nodes sharing a PostgreSQL database only the head of a lane is ever in flight.
 */
final class Lanes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final Database db;
    private final Clock clock;
    private final OutboxStore store;
    private final LaneLeases leases;
    /** Delivers one entry; true when it left the lane. */
    private final Predicate<OutboxEntry> deliver;
    /** Lanes being drained, each with the number of wakes since its drain began. */
    private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    Lanes(Database db, Clock clock, OutboxStore store, String node, Duration leaseTtl, Drainers drainers,
            Predicate<OutboxEntry> deliver) {
        this.db = db;
        this.clock = clock;
        this.store = store;
        this.deliver = deliver;
        this.leases = LaneLeases.of(db, node, leaseTtl, drainers);
    }

    /** True when no lane is being drained on this node. */
    boolean idle() {
        return running.isEmpty();
    }

    /** Drains the lane now, or once more after its current drain when one is under way. */
    void wake(String lane) {
        boolean[] start = {false};
        running.compute(lane, (k, v) -> {
            if (v == null) {
                start[0] = true;
                return new AtomicInteger();
            }
            v.incrementAndGet();
            return v;
        });
        if (start[0] && !closed) {
            workers.execute(() -> run(lane));
        } else if (start[0]) {
            running.remove(lane);
        }
    }

    private void run(String lane) {
        while (true) {
            int seen = running.get(lane).get();
            try {
                drainWhileHeld(lane);
            } catch (RuntimeException e) {
                log.error("outbox lane {} failed; it is retried by the poller", lane, e);
            }
            if (running.computeIfPresent(lane, (k, v) -> v.get() == seen ? null : v) == null) {
                return;
            }
        }
    }

    /**
     * Claims the lane and drains it. Another node turned away while this one held the lane leaves its
     * entry to this node, so then, after giving the lane up, it looks once more for a due head.
     */
    private void drainWhileHeld(String lane) {
        while (leases.claim(lane)) {
            boolean lookAgain;
            try {
                drain(lane);
            } finally {
                lookAgain = leases.release(lane);
            }
            if (!lookAgain || !due(lane)) {
                return;
            }
        }
    }

    private boolean due(String lane) {
        List<OutboxEntry> head = db.read(h -> store.head(h, lane));
        return !head.isEmpty() && !head.getFirst().nextAttemptAt().isAfter(clock.instant());
    }

    /**
     * Delivers due entries of the lane in order, while this node holds it. When the lane held a single
     * entry, nothing new can have arrived unseen: an enqueue after the read bumps the wake counter and
     * {@link #run} loops.
     */
    private void drain(String lane) {
        while (!closed && leases.held(lane)) {
            List<OutboxEntry> head = db.read(h -> store.head(h, lane));
            if (head.isEmpty() || head.getFirst().nextAttemptAt().isAfter(clock.instant())) {
                return;
            }
            boolean delivered = deliver.test(head.getFirst());
            if (head.size() == 1 && delivered) {
                return;
            }
        }
    }

    /** Lets drains under way finish their current entry (up to five seconds), then gives up every lease. */
    @Override
    public void close() {
        closed = true;
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        leases.close();
    }
}
