package dev.parley.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.RetentionConfig;
import dev.parley.json.Json;
import dev.parley.media.MediaService;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code retention:} once a day: erases the content of conversations that ended longer ago
 * than {@code ended_conversations} (as {@link ConversationErasure} does, so they still count), clears
 * delivery-log bodies older than {@code delivery_log}, deletes dead letters older than
 * {@code dead_letters} and files older than {@code media}. Works in batches, each its own transaction,
 * so that conversations are not held up; what it removed goes into the audit log.
 */
public final class RetentionJob implements AutoCloseable {
    static final Duration FIRST_RUN = Duration.ofMinutes(10);
    static final Duration INTERVAL = Duration.ofDays(1);
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** What one run removed; {@code media} counts the files of erased conversations too. */
    public record Removed(int conversations, int deliveryBodies, int deadLetters, int media) {
        boolean isEmpty() {
            return conversations + deliveryBodies + deadLetters + media == 0;
        }
    }

    private final Database db;
    private final Clock clock;
    private final RetentionConfig config;
    private final MediaService media;
    private final ConversationErasure erasure;
    private final AuditLog audit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-retention").daemon().factory());

    public RetentionJob(Database db, Clock clock, Ids ids, MediaService media, RetentionConfig config) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.media = media;
        this.erasure = new ConversationErasure(media);
        this.audit = new AuditLog(ids);
    }

    /** Runs {@link #runOnce} ten minutes from now and then daily, unless nothing is ever removed. */
    public void start() {
        if (config.removesAnything()) {
            timer.scheduleWithFixedDelay(this::runSafely, FIRST_RUN.toMillis(), INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Applies every retention period that is set, against the clock's time now. */
    public Removed runOnce() {
        Instant now = clock.instant();
        ConversationErasure.Erased conversations = config.endedConversations()
                .map(keep -> endedConversations(now.minus(keep), now)).orElse(ConversationErasure.Erased.NONE);
        Removed removed = new Removed(conversations.conversations(),
                config.deliveryLogBodies().map(keep -> deliveryBodies(now.minus(keep))).orElse(0),
                config.deadLetters().map(keep -> deadLetters(now.minus(keep))).orElse(0),
                conversations.media() + config.media().map(keep -> files(now.minus(keep))).orElse(0));
        if (!removed.isEmpty()) {
            ObjectNode detail = Json.object().put("conversations", removed.conversations())
                    .put("delivery_bodies", removed.deliveryBodies()).put("dead_letters", removed.deadLetters())
                    .put("media", removed.media());
            db.useWrite(tx -> audit.record(tx, now, AuditLog.RETENTION, "retention.apply", "*", detail));
        }
        return removed;
    }

    private void runSafely() {
        try {
            Removed removed = runOnce();
            LOG.info("retention: erased {} ended conversations, cleared {} delivery-log bodies, deleted {} dead"
                    + " letters and {} files", removed.conversations(), removed.deliveryBodies(),
                    removed.deadLetters(), removed.media());
        } catch (RuntimeException e) {
            LOG.error("retention run failed; the next one is in a day", e);
        }
    }

    private ConversationErasure.Erased endedConversations(Instant cutoff, Instant now) {
        ConversationErasure.Erased total = ConversationErasure.Erased.NONE;
        while (true) {
            ConversationErasure.Erased erased = db.write(tx -> {
                List<String> ids = tx.handle().createQuery("""
                        SELECT id FROM conversations WHERE status = 'ended' AND erased_at IS NULL
                          AND last_activity_at < :cutoff ORDER BY last_activity_at LIMIT :batch""")
                        .bind("cutoff", cutoff.toEpochMilli()).bind("batch", BATCH).mapTo(String.class).list();
                return erasure.erase(tx, ids, now);
            });
            total = total.plus(erased);
            if (erased.conversations() < BATCH) {
                return total;
            }
        }
    }

    private int deliveryBodies(Instant cutoff) {
        return db.write(tx -> tx.handle().createUpdate("""
                UPDATE deliveries SET request_body = NULL, response_body = NULL
                WHERE at < :cutoff AND (request_body IS NOT NULL OR response_body IS NOT NULL)""")
                .bind("cutoff", cutoff.toEpochMilli()).execute());
    }

    private int deadLetters(Instant cutoff) {
        return db.write(tx -> tx.handle().createUpdate("DELETE FROM outbox_dead WHERE failed_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute()
                + tx.handle().createUpdate("DELETE FROM braze_dead_letters WHERE created_at < :cutoff")
                        .bind("cutoff", cutoff.toEpochMilli()).execute());
    }

    private int files(Instant cutoff) {
        int total = 0;
        while (true) {
            int deleted = db.write(tx -> {
                List<String> ids = media.storedBefore(tx.handle(), cutoff, BATCH);
                ids.forEach(id -> media.erase(tx, id));
                return ids.size();
            });
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }

    @Override
    public void close() {
        Timers.stop(timer);
    }
}
