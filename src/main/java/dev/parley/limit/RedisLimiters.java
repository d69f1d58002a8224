package dev.parley.limit;

import dev.parley.cluster.RedisConnection;
import dev.parley.config.Rate;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import java.time.Clock;
import java.time.Duration;

/**
 * Limits every node shares, kept in Redis: token buckets through Bucket4j's Lettuce proxy manager (the same
 * model as {@link LocalLimiter}), sliding windows as sorted sets updated by one atomic script. Keys are
 * {@code <prefix>limit:<rule>:<key>} and expire once they would be full or empty again. While Redis does not
 * answer, requests pass unlimited ({@link FailOpenLimiter}).
 */
public final class RedisLimiters implements Limiters {
    private final RedisConnection redis;
    private final Clock clock;
    private final LettuceBasedProxyManager<String> buckets;

    public RedisLimiters(RedisConnection redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                .clientClock(new ClockTime(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public Limiter limiter(String name, Rate rate) {
        return new FailOpenLimiter(name, new RedisBucketLimiter(buckets, redis.key("limit:" + name + ":"), rate));
    }

    @Override
    public Limiter window(String name, Rate rate) {
        return new FailOpenLimiter(name, new RedisWindowLimiter(redis, redis.key("limit:" + name + ":"), rate,
                clock));
    }
}
