package dev.parley.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's connection to the shared Redis (Lettuce): string keys, byte values (what Bucket4j stores).
 * Lettuce reconnects by itself after Redis restarts; Redis holds no durable state of Parley: limits, and messages that wake other nodes.
 */
public final class RedisConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * For setting a connection up (TCP, then HELLO): the first one of a process also loads Lettuce and
     * Netty, which on a busy host alone can take longer than a command may.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Between attempts to reconnect: doubling from 100 ms up to 2 s, so a restarted Redis is used again within
     * about two seconds (Lettuce's own default grows to 30 s).
     */
    private static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
            TimeUnit.MILLISECONDS);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

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
        uri.setTimeout(CONNECT_TIMEOUT);
        ClientResources resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
        RedisClient client = RedisClient.create(resources, uri);
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
            connection.setTimeout(TIMEOUT);
            return new RedisConnection(client, connection, settings.keyPrefix());
        } catch (RedisException e) {
            client.shutdown();
            resources.shutdown();
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

    /**
     * Publishes {@code message} on {@code channel} (under this deployment's prefix) without waiting; while
     * Redis is away Lettuce holds it until it reconnects. A failure is logged: publishing only wakes.
     */
    public void publish(String channel, byte[] message) {
        connection.async().publish(key(channel), message).whenComplete((n, e) -> {
            if (e != null) {
                log.warn("publishing on Redis channel {} failed: {}", channel, e.getMessage());
            }
        });
    }

    /**
     * Hears every message on {@code channel} (under this deployment's prefix) on a connection of its own,
     * closed with this one; Lettuce subscribes again by itself after a reconnect. {@code subscribed} runs each
     * time Redis confirms the subscription, the first time and after every reconnect: what was published while
     * the connection was away is lost to it. Both run on Lettuce's I/O thread and must not block.
     */
    public void subscribe(String channel, Consumer<byte[]> receiver, Runnable subscribed) {
        StatefulRedisPubSubConnection<String, byte[]> pubSub = client.connectPubSub(CODEC);
        pubSub.setTimeout(TIMEOUT);
        String key = key(channel);
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, byte[] message) {
                if (from.equals(key)) {
                    receiver.accept(message);
                }
            }

            @Override
            public void subscribed(String to, long count) {
                if (to.equals(key)) {
                    subscribed.run();
                }
            }
        });
        pubSub.sync().subscribe(key);
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
        // resources handed to the client are not the client's to shut down
        client.getResources().shutdown();
    }
}
