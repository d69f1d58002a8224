package dev.parley.braze;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces {@code /users/export/ids} below Braze's limit for it (250 requests a minute for customers since
 * August 2024): a token bucket of {@code perMinute} tokens, refilled gradually, on the injected clock.
 */
final class ExportPace {
    private final Bucket bucket;
    private final int perMinute;

    ExportPace(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(new ClockMeter(clock))
                .build();
    }

    /** Takes one look-up from the pace; false when the minute's look-ups are used up. */
    boolean tryTake() {
        return bucket.tryConsume(1);
    }

    int perMinute() {
        return perMinute;
    }

    /** Bucket4j's time read from the injected clock, so tests move it instead of waiting. */
    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
