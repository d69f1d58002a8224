package dev.parley.cluster;

import dev.parley.limit.Limiters;
import dev.parley.limit.RedisLimiters;
import dev.parley.outbox.Drainers;
import dev.parley.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a node holds besides its database pool: the data folder lock when it runs on SQLite (one node only), its hold
 * on a PostgreSQL database (alone without Redis, shared with Redis), and the Redis connection when nodes share their
 * limits.
 */
public record NodeResources(Optional<DataDirLock> sqliteLock, Optional<DatabaseHold> databaseHold,
        Optional<RedisConnection> redis) implements AutoCloseable {

    /**
     * Locks the data folder for SQLite; for PostgreSQL connects to Redis when configured and then takes the node's
     * hold on the database.
     */
    public static NodeResources open(DatabaseUrl database, Path dataDir, Optional<RedisSettings> redis) {
        return switch (database.dialect()) {
            case SQLITE -> {
                DataDirLock lock = DataDirLock.acquire(dataDir);
                try {
                    yield new NodeResources(Optional.of(lock), Optional.empty(), redis.map(RedisConnection::open));
                } catch (RuntimeException e) {
                    lock.close();
                    throw e;
                }
            }
            case POSTGRESQL -> {
                Optional<RedisConnection> connection = redis.map(RedisConnection::open);
                try {
                    DatabaseHold hold = DatabaseHold.take(database,
                            connection.isPresent() ? DatabaseHold.Kind.SHARED : DatabaseHold.Kind.ALONE);
                    yield new NodeResources(Optional.empty(), Optional.of(hold), connection);
                } catch (RuntimeException e) {
                    connection.ifPresent(RedisConnection::close);
                    throw e;
                }
            }
        };
    }

    /** Limits in Redis when the nodes share one, else in this process. */
    public Limiters limiters(Clock clock) {
        return redis.<Limiters>map(r -> new RedisLimiters(r, clock)).orElseGet(() -> Limiters.local(clock));
    }

    /** Who drains the outbox: this node alone (SQLite, or PostgreSQL without Redis), or the nodes sharing it. */
    public Drainers drainers() {
        return databaseHold.<Drainers>map(hold -> switch (hold.kind()) {
            case ALONE -> new Drainers.Alone(hold::held);
            case SHARED -> new Drainers.Shared(hold::held);
        }).orElseGet(() -> new Drainers.Alone(() -> true));
    }

    @Override
    public void close() {
        redis.ifPresent(RedisConnection::close);
        databaseHold.ifPresent(DatabaseHold::close);
        sqliteLock.ifPresent(DataDirLock::close);
    }
}
