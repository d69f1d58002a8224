package dev.parley.cluster;

import dev.parley.limit.Limiters;
import dev.parley.limit.RedisLimiters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a node holds besides its database: the data folder lock when it runs on SQLite (one node only) and
 * the Redis connection when nodes share their limits.
 */
public record NodeResources(Optional<DataDirLock> sqliteLock, Optional<RedisConnection> redis)
        implements AutoCloseable {

    /** Locks the data folder for SQLite ({@code sqlite}), then connects to Redis when configured. */
    public static NodeResources open(boolean sqlite, Path dataDir, Optional<RedisSettings> redis) {
        Optional<DataDirLock> lock = sqlite ? Optional.of(DataDirLock.acquire(dataDir)) : Optional.empty();
        try {
            return new NodeResources(lock, redis.map(RedisConnection::open));
        } catch (RuntimeException e) {
            lock.ifPresent(DataDirLock::close);
            throw e;
        }
    }

    /** Limits in Redis when the nodes share one, else in this process. */
    public Limiters limiters(Clock clock) {
        return redis.<Limiters>map(r -> new RedisLimiters(r, clock)).orElseGet(() -> Limiters.local(clock));
    }

    @Override
    public void close() {
        redis.ifPresent(RedisConnection::close);
        sqliteLock.ifPresent(DataDirLock::close);
    }
}
