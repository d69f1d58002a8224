package dev.parley.limit;

import dev.parley.cluster.RedisConnection;
import dev.parley.config.Rate;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The sliding window of {@link WindowLimiter} kept in Redis: per key a sorted set of the permits' times,
 * trimmed, counted and added to by one script, which Redis runs atomically, so nodes never race.
 */
final class RedisWindowLimiter implements Limiter {
    private static final String ACQUIRE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return tonumber(oldest[2]) + window - now
            end
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[1], window)
            return -1
            """;

    private final RedisConnection redis;
    private final String keyPrefix;
    private final Rate rate;
    private final Clock clock;

    RedisWindowLimiter(RedisConnection redis, String keyPrefix, Rate rate, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.rate = rate;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        long waitMillis = redis.connection().sync().eval(ACQUIRE, ScriptOutputType.INTEGER,
                new String[] {keyPrefix + key}, bytes(clock.millis()), bytes(rate.period().toMillis()),
                bytes(rate.count()), UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return waitMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
    }

    @Override
    public void refund(String key) {
        redis.connection().sync().zpopmax(keyPrefix + key);
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.UTF_8);
    }
}
