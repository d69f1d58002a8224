package dev.parley.limit;

import dev.parley.config.Rate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bucket4j token bucket per key, in memory: {@code count} permits at once, refilled evenly over the
 * period. Full buckets are dropped when the map grows large, since a full bucket is what a new key gets;
 * the sweep runs once per tenth of that size in new keys, so a flood of new keys cannot make every
 * request pay for one.
 */
final class LocalLimiter implements Limiter {
    private static final int SWEEP_ABOVE = 100_000;

    private final Rate rate;
    private final ClockTime time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong sweptAt = new AtomicLong();

    LocalLimiter(Rate rate, Clock clock) {
        this.rate = rate;
        this.time = new ClockTime(clock);
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> {
            created.incrementAndGet();
            return newBucket();
        }).tryConsumeAndReturnRemaining(1);
        long swept = sweptAt.get();
        if (buckets.size() > SWEEP_ABOVE && created.get() - swept > SWEEP_ABOVE / 10
                && sweptAt.compareAndSet(swept, created.get())) {
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
