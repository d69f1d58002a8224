package dev.parley.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * One node's connection to the shared Redis (Lettuce): string keys, byte values (what Bucket4j stores).
 * Lettuce reconnects by itself after Redis restarts; Redis holds no durable state of Parley, only limits.
 */
public final class RedisConnection implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final String keyPrefix;

    private RedisConnection(RedisClient client, StatefulRedisConnection<String, byte[]> connection,
            String keyPrefix) {
        this.client = client;
        this.connection = connection;
        this.keyPrefix = keyPrefix;
    }

    /** Connects, or fails at start with a one-line reason naming the host (never the password). */
    public static RedisConnection open(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisConnection(client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)),
                    settings.keyPrefix());
        } catch (RedisException e) {
            client.shutdown();
            throw new IllegalArgumentException("Redis at " + uri.getHost() + ":" + uri.getPort()
                    + " is not reachable (PARLEY_REDIS_URL / redis_url): " + e.getMessage(), e);
        }
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    /** {@code key} under this deployment's prefix. */
    public String key(String key) {
        return keyPrefix + key;
    }

    /** Whether Redis answers a PING within the timeout. */
    public boolean isReachable() {
        try {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
