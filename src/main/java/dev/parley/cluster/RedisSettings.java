package dev.parley.cluster;

import java.util.Objects;

/**
 * Where the nodes of one Parley share their limits: a Redis URL ({@code PARLEY_REDIS_URL} or {@code redis_url})
 * and the prefix of every key Parley writes, so that several deployments (or test runs) can share one Redis.
 */
public record RedisSettings(String url, String keyPrefix) {
    public static final String DEFAULT_PREFIX = "parley:";

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    public static RedisSettings of(String url) {
        return new RedisSettings(url, DEFAULT_PREFIX);
    }
}
