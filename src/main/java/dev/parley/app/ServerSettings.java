package dev.parley.app;

import dev.parley.media.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How one Parley process runs: where it listens, where it keeps data, which database, the media limits.
 * Built by the CLI from flags and {@code PARLEY_*} variables, or by tests.
 */
public record ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
        Duration outboxPollInterval, MediaSettings media) {

    /** Settings with the default media limits (10 MB, no fetches from private-network addresses). */
    public ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
            Duration outboxPollInterval) {
        this(host, port, dataDir, databaseUrl, outboxPollInterval, MediaSettings.defaults());
    }

    public static ServerSettings of(int port, Path dataDir, Optional<String> databaseUrl) {
        return new ServerSettings("0.0.0.0", port, dataDir, databaseUrl, Duration.ofMillis(250));
    }

    public ServerSettings withMedia(MediaSettings media) {
        return new ServerSettings(host, port, dataDir, databaseUrl, outboxPollInterval, media);
    }
}
