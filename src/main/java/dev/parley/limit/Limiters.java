package dev.parley.limit;

import dev.parley.config.Rate;
import java.time.Clock;

/** Where a node's rate limits are kept; {@link #local} keeps them in this process. */
@FunctionalInterface
public interface Limiters {

    /** The limiter of one named rule, such as {@code login-account}. */
    Limiter limiter(String name, Rate rate);

    /** Limits kept in memory, timed by {@code clock}. */
    static Limiters local(Clock clock) {
        return (name, rate) -> new LocalLimiter(rate, clock);
    }
}
