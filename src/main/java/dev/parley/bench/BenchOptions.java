package dev.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run does.
 *
 * @param contacts concurrent web contacts (and concurrent clients of the reference run)
 * @param warmup closed-loop time before anything is measured, at least
 * @param settle after {@code warmup}, how much longer the closed loop may go on warming up while the JIT
 *     compilers of the target's JVMs are still busy; zero to measure right after {@code warmup}
 * @param duration length of each measured phase (closed loop, then fixed rate)
 * @param rate round trips per second of the fixed-rate phase, spread over all contacts
 * @param timeout a round trip without the bot's reply after this long counts as failed
 * @param stores the databases to run Parley on, in this process
 * @param nodes Parley processes of their own on one PostgreSQL database and {@code redisUrl}; 0 for no such run
 * @param redisUrl the Redis the nodes share
 * @param relay whether to also run the same load through the storeless relay
 * @param reference whether to also run the same load straight against the bot
 * @param docs where to write the Markdown report, if anywhere
 * @param command the command line shown in the report
 */
public record BenchOptions(int contacts, Duration warmup, Duration settle, Duration duration, int rate,
        Duration timeout, List<Store> stores, int nodes, String redisUrl, boolean relay, boolean reference, Optional<Path> docs,
        String command) {
    /** More nodes than this would only measure how the machine shares its cores. */
    static final int MAX_NODES = 8;


    /** A database Parley runs on during the benchmark. */
    public enum Store {
        SQLITE("SQLite"), POSTGRESQL("PostgreSQL");

        private final String label;

        Store(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BenchOptions {
        require(contacts >= 1 && contacts <= BenchWorkspace.MAX_SESSIONS,
                "--contacts must be between 1 and " + BenchWorkspace.MAX_SESSIONS + " (the bot's slots), got " + contacts);
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(!settle.isNegative() && settle.compareTo(Duration.ofHours(1)) <= 0,
                "--settle must be between 0 and 1h");
        require(duration.toMillis() >= 100 && duration.compareTo(Duration.ofHours(1)) <= 0,
                "--duration must be between 100ms and 1h");
        require(rate >= 1 && rate <= 100_000, "--rate must be between 1 and 100000 per second, got " + rate);
        require(timeout.toMillis() >= 100, "--timeout must be at least 100ms");
        require(nodes >= 0 && nodes <= MAX_NODES, "--nodes must be between 0 and " + MAX_NODES + ", got " + nodes);
        require(nodes == 0 || redisUrl.startsWith("redis://") || redisUrl.startsWith("rediss://"),
                "--redis-url must start with redis:// or rediss://, got '" + redisUrl + "'");
        stores = List.copyOf(stores);
        require(!stores.isEmpty() || nodes > 0 || relay || reference,
                "nothing to run: no store, no --nodes, no relay and no reference run");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
