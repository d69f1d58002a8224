package dev.parley.limit;

import dev.parley.config.Rate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Bucket4j token bucket per key, in memory: {@code count} permits at once, refilled evenly over the
 * period. Full buckets are dropped when the map grows large, since a full bucket is what a new key gets.
 */
final class LocalLimiter implements Limiter {
    private static final int SWEEP_ABOVE = 100_000;

    private final Rate rate;
    private final ClockTime time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    LocalLimiter(Rate rate, Clock clock) {
        this.rate = rate;
        this.time = new ClockTime(clock);
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= rate.count());
        }
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    @Override
    public void refund(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null && bucket.getAvailableTokens() < rate.count()) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate.count()).refillGreedy(rate.count(), rate.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
