package dev.parley.outbox;

import dev.parley.store.Database;
import dev.parley.store.Timers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lane leases as rows of {@code outbox_leases} in the shared PostgreSQL database. A lease lasts
 * {@code ttl} by the database's clock (so the nodes' clocks need not agree) and is renewed every fifth
 * of it while held. Lease writes commit without waiting for the write-ahead log to reach disk: a lease
 * lost in a database crash only makes a lane free again, and no acknowledged write depends on it. A node
 * turned away from a held lane marks it {@code wanted}, and the holder looks at the lane again when it
 * gives it up, so an entry queued on one node while another drained its lane is never left waiting.
 */
final class SharedLeases implements LaneLeases {
    private static final Logger log = LoggerFactory.getLogger(SharedLeases.class);
    private static final String DB_MILLIS = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";
    /**
     * Joined into each lease statement, which runs on its own (autocommit): its commit then does not wait
     * for the write-ahead log to reach disk, and the statement is one message to the server, where a
     * transaction with {@code SET LOCAL synchronous_commit} took three.
     */
    static final String NO_FLUSH = "(SELECT set_config('synchronous_commit', 'off', true)) no_flush";

    private final Database db;
    private final String node;
    private final Drainers.Shared shared;
    private final long ttlMillis;
    /** Lanes held, each with the number of the claim that took it, so a renewal never drops a newer claim. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private final AtomicLong claims = new AtomicLong();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-leases").daemon().factory());

    private SharedLeases(Database db, String node, Duration ttl, Drainers.Shared shared) {
        this.db = db;
        this.node = node;
        this.shared = shared;
        this.ttlMillis = ttl.toMillis();
    }

    static SharedLeases start(Database db, String node, Duration ttl, Drainers.Shared shared) {
        SharedLeases leases = new SharedLeases(db, node, ttl, shared);
        long every = Math.max(1, ttl.toMillis() / 5);
        leases.renewer.scheduleWithFixedDelay(leases::renew, every, every, TimeUnit.MILLISECONDS);
        return leases;
    }

    @Override
    public boolean claim(String lane) {
        if (!shared.allowed().getAsBoolean()) {
            return false;
        }
        String free = "(outbox_leases.expires_at < %s OR outbox_leases.node = EXCLUDED.node)".formatted(DB_MILLIS);
        boolean taken = node.equals(db.read(h -> h.createQuery("""
                INSERT INTO outbox_leases (lane, node, expires_at, wanted) SELECT :lane, :node, %s + :ttl, FALSE FROM %s
                ON CONFLICT (lane) DO UPDATE SET
                  node = CASE WHEN %s THEN EXCLUDED.node ELSE outbox_leases.node END,
                  expires_at = CASE WHEN %s THEN EXCLUDED.expires_at ELSE outbox_leases.expires_at END,
                  wanted = NOT %s
                RETURNING node""".formatted(DB_MILLIS, NO_FLUSH, free, free, free))
                .bind("lane", lane).bind("node", node).bind("ttl", ttlMillis).mapTo(String.class).one()));
        if (taken) {
            held.put(lane, claims.incrementAndGet());
        }
        return taken;
    }

    @Override
    public boolean held(String lane) {
        return held.containsKey(lane) && shared.allowed().getAsBoolean();
    }

    @Override
    public boolean release(String lane) {
        held.remove(lane);
        return db.read(h -> h.createQuery("DELETE FROM outbox_leases USING " + NO_FLUSH
                + " WHERE lane = :lane AND node = :node RETURNING wanted").bind("lane", lane).bind("node", node)
                .mapTo(Boolean.class).findOne()).orElse(false);
    }

    /** Extends every lease this node holds; lanes whose lease another node took meanwhile are given up. */
    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        Map<String, Long> before = Map.copyOf(held);
        try {
            Set<String> kept = new HashSet<>(db.read(h -> h.createQuery("""
                    UPDATE outbox_leases SET expires_at = %s + :ttl FROM %s WHERE node = :node RETURNING lane"""
                    .formatted(DB_MILLIS, NO_FLUSH)).bind("node", node).bind("ttl", ttlMillis).mapTo(String.class)
                    .list()));
            before.forEach((lane, claim) -> {
                if (!kept.contains(lane) && held.remove(lane, claim)) {
                    log.warn("outbox lane {} was taken over by another node; this node stops draining it", lane);
                }
            });
        } catch (RuntimeException e) {
            log.warn("renewing outbox lane leases failed: {}", e.getMessage());
        }
    }

    /** Stops renewing and hands back every lane held, so other nodes go on at once. */
    @Override
    public void close() {
        Timers.stop(renewer);
        held.clear();
        try {
            db.read(h -> h.createUpdate("DELETE FROM outbox_leases USING " + NO_FLUSH + " WHERE node = :node")
                    .bind("node", node).execute());
        } catch (RuntimeException e) {
            log.warn("handing back outbox lane leases failed; they run out by themselves: {}", e.getMessage());
        }
    }
}
