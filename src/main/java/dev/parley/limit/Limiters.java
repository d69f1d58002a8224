package dev.parley.limit;

import dev.parley.config.Rate;
import java.time.Clock;

/**
 * Where a node's rate limits are kept: in this process ({@link #local}) or, for several nodes, in Redis
 * ({@link RedisLimiters}), so that every node counts against the same buckets and windows.
 */
public interface Limiters {

    /** The token-bucket limiter of one named rule, such as {@code login-account}: a burst, then an even refill. */
    Limiter limiter(String name, Rate rate);

    /**
     * The sliding-window limiter of one named rule: at most {@code rate.count()} permits in any
     * {@code rate.period()}, for documented limits a burst-and-refill bucket would exceed (such as the Chatbot
     * API's 20 requests per minute per cid).
     */
    Limiter window(String name, Rate rate);

    /** Limits kept in memory, timed by {@code clock}. */
    static Limiters local(Clock clock) {
        return new LocalLimiters(clock);
    }
}
