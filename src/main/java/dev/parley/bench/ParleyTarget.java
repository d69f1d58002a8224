package dev.parley.bench;

import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Parley started in this process on a random loopback port with the bench workspace, on a fresh
 * database: SQLite in a temporary folder, or a scratch PostgreSQL database. Closing removes both.
 */
final class ParleyTarget implements Target {
    private final BenchOptions.Store store;
    private final Path dataDir;
    private final Optional<PostgresScratch> postgres;
    private final Parley parley;
    private final HttpClient http = Clients.http();
    private final Duration timeout;

    private ParleyTarget(BenchOptions.Store store, Path dataDir, Optional<PostgresScratch> postgres, Parley parley,
            Duration timeout) {
        this.store = store;
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.parley = parley;
        this.timeout = timeout;
    }

    static ParleyTarget start(BenchOptions.Store store, EchoBot bot, Duration timeout) {
        Path dataDir = tempDir();
        Optional<PostgresScratch> postgres = Optional.empty();
        try {
            postgres = switch (store) {
                case SQLITE -> Optional.empty();
                case POSTGRESQL -> Optional.of(PostgresScratch.create());
            };
            Optional<String> url = postgres.map(PostgresScratch::databaseUrl);
            ServerSettings defaults = ServerSettings.of(0, dataDir, url);
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, dataDir, url, defaults.outboxPollInterval());
            Parley parley = Parley.start(settings, BenchWorkspace.config(bot.webhookUrl()));
            return new ParleyTarget(store, dataDir, postgres, parley, timeout);
        } catch (RuntimeException e) {
            postgres.ifPresent(PostgresScratch::close);
            delete(dataDir);
            throw e;
        }
    }

    @Override
    public String label() {
        return "Parley on " + store.label();
    }

    @Override
    public Optional<BenchOptions.Store> store() {
        return Optional.of(store);
    }

    @Override
    public List<WatchedProcess> processes() {
        return List.of();
    }

    @Override
    public RoundTripper client(int index) {
        return WebContact.open(http, parley.port(), "contact " + index, timeout);
    }

    @Override
    public void close() {
        try {
            http.close();
            parley.close();
        } finally {
            postgres.ifPresent(PostgresScratch::close);
            delete(dataDir);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data folder", e);
        }
    }

    /** Best effort: a folder left in the system's temporary directory must not cost the results. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("parley bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
