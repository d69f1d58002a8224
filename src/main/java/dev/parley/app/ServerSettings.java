package dev.parley.app;

import dev.parley.cluster.RedisSettings;
import dev.parley.media.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How one Parley process runs: where it listens, where it keeps data, which database, the media limits.
 * Built by the CLI from flags and {@code PARLEY_*} variables, or by tests.
 */
public record ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
        Duration outboxPollInterval, MediaSettings media, Path pluginsDir, Optional<String> metricsToken,
        Optional<RedisSettings> redis) {

    /** Where action node plugins are looked for unless told otherwise. */
    public static final Path DEFAULT_PLUGINS = Path.of("plugins");

    /**
     * Settings with the default media limits (10 MB, no fetches from private-network addresses) and
     * plugins from {@code ./plugins}.
     */
    public ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
            Duration outboxPollInterval) {
        this(host, port, dataDir, databaseUrl, outboxPollInterval, MediaSettings.defaults(), DEFAULT_PLUGINS);
    }

    /** Settings without a token for {@code /metrics}. */
    public ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
            Duration outboxPollInterval, MediaSettings media, Path pluginsDir) {
        this(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir, Optional.empty());
    }

    /** Settings without Redis: limits are kept in this process. */
    public ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
            Duration outboxPollInterval, MediaSettings media, Path pluginsDir, Optional<String> metricsToken) {
        this(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir, metricsToken, Optional.empty());
    }

    public static ServerSettings of(int port, Path dataDir, Optional<String> databaseUrl) {
        return new ServerSettings("0.0.0.0", port, dataDir, databaseUrl, Duration.ofMillis(250));
    }

    /** Listens on {@code host} (an address of this machine; {@code 0.0.0.0} for all). */
    public ServerSettings withHost(String host) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir,
                metricsToken, redis);
    }

    public ServerSettings withMedia(MediaSettings media) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir,
                metricsToken, redis);
    }

    /** Action node plugins are the {@code *.jar} files in {@code dir}. */
    public ServerSettings withPlugins(Path dir) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media, dir, metricsToken, redis);
    }

    /** Scraping {@code /metrics} requires {@code Authorization: Bearer <token>}; blank means open. */
    public ServerSettings withMetricsToken(String token) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir,
                Optional.of(token).filter(t -> !t.isBlank()), redis);
    }

    /** Nodes share their limits in {@code redis}; with PostgreSQL, several nodes may then run side by side. */
    public ServerSettings withRedis(RedisSettings redis) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media, pluginsDir,
                metricsToken, Optional.of(redis));
    }
}
