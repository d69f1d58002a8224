package dev.parley.operator;

import dev.parley.store.Database;
import dev.parley.store.StopGate;
import dev.parley.store.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator presence follows the console: while an operator has a console socket open on this node, the node
 * marks them seen every few seconds; an {@code online} operator nobody has seen for {@code awayAfter} becomes
 * {@code away}, so contacts are not promised someone who is not there. What is seen lives in the database, so
 * every node of a cluster counts the consoles of all of them, and after a restart an operator stays online only
 * if a console reconnects within {@code awayAfter}.
 */
public final class Presence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final Duration MAX_PERIOD = Duration.ofSeconds(2);

    private final Database db;
    private final Clock clock;
    private final Duration awayAfter;
    private final Instant started;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("presence").factory());
    private final StopGate gate = new StopGate();

    public Presence(Database db, Clock clock, Duration awayAfter) {
        this.db = db;
        this.clock = clock;
        this.awayAfter = awayAfter;
        this.started = clock.instant();
    }

    /** Sweeps every few seconds until closed. */
    public void start() {
        long period = Math.max(100, Math.min(MAX_PERIOD.toMillis(), awayAfter.toMillis() / 4));
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("could not update operator presence", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** A console of the operator opened (on this node). */
    public void opened(String operatorId) {
        open.merge(operatorId, 1, Integer::sum);
        seen(operatorId);
    }

    /**
     * A console of the operator closed; the away timeout counts from now. Consoles closed while the node stops change
     * nothing here: {@link #close} marks every operator with a console still open seen, after those under way.
     */
    public void closed(String operatorId) {
        open.computeIfPresent(operatorId, (id, n) -> n == 1 ? null : n - 1);
        gate.run(() -> seen(operatorId));
    }

    /** The operator acted (set a status), which counts as being there. */
    public void seen(String operatorId) {
        long now = clock.millis();
        db.useWrite(tx -> tx.handle().createUpdate("UPDATE operators SET console_seen_at = :now WHERE id = :id")
                .bind("now", now).bind("id", operatorId).execute());
    }

    /** Marks the operators with an open console seen, and sets away the online ones nobody has seen for long. */
    void sweep() {
        Instant now = clock.instant();
        List<String> here = List.copyOf(open.keySet());
        db.useWrite(tx -> {
            markSeen(tx.handle(), here, now.toEpochMilli());
            int away = tx.handle().createUpdate("""
                    UPDATE operators SET status = 'away'
                    WHERE status = 'online' AND COALESCE(console_seen_at, :started) <= :cutoff""")
                    .bind("started", started.toEpochMilli()).bind("cutoff", now.minus(awayAfter).toEpochMilli())
                    .execute();
            if (away > 0) {
                log.info("{} operator(s) without an open console for {} are now away", away, awayAfter);
            }
        });
    }

    private static void markSeen(Handle h, List<String> operatorIds, long now) {
        if (!operatorIds.isEmpty()) {
            h.createUpdate("UPDATE operators SET console_seen_at = :now WHERE id IN (<ids>)").bind("now", now)
                    .bindList("ids", operatorIds).execute();
        }
    }

    /**
     * Stops sweeping and, while the database is still open, marks the operators with a console open on this node
     * seen now: their consoles close with the node, and the away timeout counts from here.
     */
    @Override
    public void close() {
        gate.stop();
        Timers.stop(timer);
        List<String> here = List.copyOf(open.keySet());
        if (!here.isEmpty()) {
            try {
                db.useWrite(tx -> markSeen(tx.handle(), here, clock.millis()));
            } catch (RuntimeException e) {
                log.warn("could not mark {} operators with an open console seen while stopping: {}", here.size(),
                        e.getMessage());
            }
        }
    }
}
