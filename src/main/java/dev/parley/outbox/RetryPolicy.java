package dev.parley.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code firstDelay × 3^(n-1)} ± 20 %. With the
 * default 6 attempts and 1 s this spreads retries over about two minutes (1, 3, 9, 27, 81 s). Kept here
 * because the schedule is stored in the database (it must survive restarts), which an in-memory retry
 * library cannot do.
 */
public record RetryPolicy(int attempts, Duration firstDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1));

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures. */
    public Duration delayAfter(int failedAttempts) {
        double base = firstDelay.toMillis() * Math.pow(3, Math.max(0, failedAttempts - 1));
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 0.4 - 0.2);
        return Duration.ofMillis(Math.round(base * jitter));
    }
}
