package dev.parley.limit;

import dev.parley.config.Rate;
import java.time.Clock;

/** Limits of one node, kept in memory. */
record LocalLimiters(Clock clock) implements Limiters {
    @Override
    public Limiter limiter(String name, Rate rate) {
        return new LocalLimiter(rate, clock);
    }

    @Override
    public Limiter window(String name, Rate rate) {
        return new WindowLimiter(rate, clock);
    }
}
