package dev.parley.metrics;

import dev.parley.outbox.Backlog;
import dev.parley.outbox.Outbox;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Gauges read from the database at scrape time: queues, dead letters, sessions. */
public final class StateGauges {
    /** Scrapes closer together than this share one read. */
    private static final Duration SAMPLE_AGE = Duration.ofSeconds(1);

    private StateGauges() {}

    /** The things to gauge: the outbox, and counts the features answer. */
    public record Sources(Outbox outbox, LongSupplier activeBotSessions, LongSupplier openBrazeDeadLetters,
            IntSupplier liveListeners) {}

    public static void bind(ParleyMetrics metrics, Clock clock, Sources sources) {
        Sampled<Map<String, Backlog>> backlog = new Sampled<>(sources.outbox()::backlog, clock, SAMPLE_AGE);
        Sampled<Map<String, Long>> dead = new Sampled<>(sources.outbox()::deadLetters, clock, SAMPLE_AGE);
        for (String kind : backlog.get().keySet()) {
            Tags tags = Tags.of("kind", kind);
            metrics.gauge("parley.outbox.depth", "outbox entries waiting", tags,
                    () -> backlog.get().getOrDefault(kind, Backlog.NONE).depth());
            metrics.gauge("parley.outbox.oldest.age.seconds", "age of the oldest waiting outbox entry (0 when none)",
                    tags, () -> backlog.get().getOrDefault(kind, Backlog.NONE).oldest()
                            .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0)
                            .orElse(0.0));
            metrics.gauge("parley.outbox.dead.letters", "outbox entries whose retries ran out", tags,
                    () -> dead.get().getOrDefault(kind, 0L));
        }
        Sampled<Long> sessions = new Sampled<>(sources.activeBotSessions()::getAsLong, clock, SAMPLE_AGE);
        metrics.gauge("parley.bot.sessions.active", "bot sessions not ended", Tags.empty(), sessions::get);
        Sampled<Long> braze = new Sampled<>(sources.openBrazeDeadLetters()::getAsLong, clock, SAMPLE_AGE);
        metrics.gauge("parley.braze.dead.letters", "objects Braze refused, not re-sent yet", Tags.empty(), braze::get);
        metrics.gauge("parley.live.listeners", "listeners waiting for pushes: widget sockets and long polls",
                Tags.empty(), sources.liveListeners()::getAsInt);
    }
}
