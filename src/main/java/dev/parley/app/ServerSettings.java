package dev.parley.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How one Parley process runs: where it listens, where it keeps data, which database. Built by the
 * CLI from flags and {@code PARLEY_*} variables, or by tests.
 */
public record ServerSettings(String host, int port, Path dataDir, Optional<String> databaseUrl,
        Duration outboxPollInterval) {

    public static ServerSettings of(int port, Path dataDir, Optional<String> databaseUrl) {
        return new ServerSettings("0.0.0.0", port, dataDir, databaseUrl, Duration.ofMillis(250));
    }
}
