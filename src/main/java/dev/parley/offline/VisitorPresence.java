package dev.parley.offline;

import dev.parley.store.Database;
import dev.parley.store.StopGate;
import dev.parley.store.Timers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a visitor has their conversation open in the widget: while a widget stream (WebSocket or long poll)
 * of a conversation is open on this node, the node marks the conversation's visitor seen every
 * {@code period}; when the node's last one closes, the mark is cleared at once (a stream on another node
 * marks it again within a period). A visitor not seen for three periods is away, and what operators write
 * to them is e-mailed.
 */
public final class VisitorPresence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VisitorPresence.class);

    /** How often open streams are marked seen by default. */
    public static final Duration PERIOD = Duration.ofSeconds(5);

    private final Database db;
    private final Clock clock;
    private final Duration period;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final StopGate gate = new StopGate();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("visitor-presence").factory());

    public VisitorPresence(Database db, Clock clock, Duration period) {
        this.db = db;
        this.clock = clock;
        this.period = period;
    }

    /** Marks the open streams seen every period until closed. */
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                mark(List.copyOf(open.keySet()));
            } catch (RuntimeException e) {
                log.warn("could not update visitor presence", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A widget stream of the conversation opened on this node. */
    public void opened(String conversationId) {
        open.merge(conversationId, 1, Integer::sum);
        mark(List.of(conversationId));
    }

    /**
     * A widget stream of the conversation closed; the visitor is away once none is open. Streams closed while the node
     * stops change nothing here: {@link #close} clears the marks of every stream still open, after those under way.
     */
    public void closed(String conversationId) {
        if (open.computeIfPresent(conversationId, (id, n) -> n == 1 ? null : n - 1) == null) {
            gate.run(() -> clear(List.of(conversationId)));
        }
    }

    /**
     * A waiting long poll of the conversation returned. The widget asks again at once, so the visitor stays seen
     * (for three periods) instead of being away between two polls.
     */
    public void pollEnded(String conversationId) {
        open.computeIfPresent(conversationId, (id, n) -> n == 1 ? null : n - 1);
        mark(List.of(conversationId));
    }

    /** Whether the conversation's visitor has it open in a widget, on this node or another. */
    public boolean present(Handle h, String conversationId) {
        if (open.containsKey(conversationId)) {
            return true;
        }
        long cutoff = clock.millis() - period.multipliedBy(3).toMillis();
        return h.createQuery("SELECT COUNT(*) FROM conversations WHERE id = :id AND visitor_seen_at > :cutoff")
                .bind("id", conversationId).bind("cutoff", cutoff).mapTo(Integer.class).one() > 0;
    }

    private void clear(List<String> conversationIds) {
        db.useWrite(tx -> tx.handle()
                .createUpdate("UPDATE conversations SET visitor_seen_at = NULL WHERE id IN (<ids>)")
                .bindList("ids", conversationIds).execute());
    }

    /**
     * Marks the conversations' visitors seen now. A conversation whose row a writer holds at this moment (a message
     * being stored) is passed over until the next period, three of which a mark lasts, and the mark commits without
     * waiting for the disk: so it never waits behind a conversation's writers, nor holds them up while it commits.
     */
    private void mark(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return;
        }
        long now = clock.millis();
        gate.run(() -> db.useWrite(tx -> {
            tx.commitWithoutWaitingForDisk();
            tx.handle().createUpdate("UPDATE conversations SET visitor_seen_at = :now WHERE id IN (SELECT id FROM"
                            + " conversations WHERE id IN (<ids>)" + tx.forUpdateSkipLocked() + ")")
                    .bind("now", now).bindList("ids", conversationIds).execute();
        }));
    }

    /**
     * Stops marking and, while the database is still open, marks the visitors of this node's open streams away at
     * once: the streams are about to close with the node, and a widget that reconnects to another node is marked
     * there again.
     */
    @Override
    public void close() {
        gate.stop();
        Timers.stop(timer);
        List<String> still = List.copyOf(open.keySet());
        if (!still.isEmpty()) {
            try {
                clear(still);
            } catch (RuntimeException e) {
                log.warn("could not mark the visitors of {} open streams away while stopping: {}", still.size(),
                        e.getMessage());
            }
        }
    }
}
