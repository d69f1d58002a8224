package dev.parley.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value that takes a query to read (queue depths, counts), read at most once per {@code maxAge}: one
 * scrape reads many gauges of the same query, and several scrapers must not load the database.
 */
public final class Sampled<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final Clock clock;
    private final Duration maxAge;
    private T value;
    private Instant readAt = Instant.MIN;

    public Sampled(Supplier<T> read, Clock clock, Duration maxAge) {
        this.read = read;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(maxAge))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
