package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testing.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./parley bench} stopped before its end (Ctrl-C, {@code SIGTERM}) leaves nothing running or stored. */
class BenchStoppedTest {

    @TempDir
    Path temp;

    @Test
    void aBenchmarkStoppedWhileItsNodesRunStopsThemAndDropsItsDatabase() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Path log = temp.resolve("bench.log");
            Process bench = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "dev.parley.cli.Main", "bench", "--store", "none", "--nodes", "1", "--no-relay", "--no-reference",
                    "--no-write-docs", "--contacts", "2", "--warmup", "10m", "--redis-url", redis.url())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            List<ProcessHandle> nodes = List.of();
            Optional<String> database = Optional.empty();
            try {
                await("the benchmark's warm-up").atMost(Duration.ofSeconds(120))
                        .until(() -> read(log).contains("clients ready"));
                // the benchmark's only child processes are its nodes' JVMs
                nodes = bench.descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("/java")).toList();
                assertThat(nodes).as(read(log)).hasSize(1);
                // other test JVMs may run benchmarks beside this one: the node's own setting names its database
                database = Optional.of(databaseOf(nodes.getFirst()));
                assertThat(benchDatabases()).contains(database.get());

                bench.destroy();

                assertThat(bench.waitFor(60, TimeUnit.SECONDS)).as(read(log)).isTrue();
                assertThat(nodes).noneMatch(ProcessHandle::isAlive);
                assertThat(benchDatabases()).doesNotContain(database.get());
            } finally {
                // whatever the benchmark left behind is not left to the next test
                bench.destroyForcibly();
                nodes.forEach(ProcessHandle::destroyForcibly);
                if (database.isPresent()) {
                    PostgresScratch.admin("DROP DATABASE IF EXISTS " + database.get() + " WITH (FORCE)");
                }
            }
        }
    }

    /** The database in the {@code PARLEY_DATABASE_URL} a node process was started with. */
    private static String databaseOf(ProcessHandle node) throws IOException {
        String environment = Files.readString(Path.of("/proc", Long.toString(node.pid()), "environ"));
        return Arrays.stream(environment.split("\0")).filter(v -> v.startsWith("PARLEY_DATABASE_URL=")).findFirst()
                .map(v -> v.substring(v.lastIndexOf('/') + 1))
                .orElseThrow(() -> new AssertionError("the node was started without PARLEY_DATABASE_URL"));
    }

    private static Set<String> benchDatabases() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                        + PostgresScratch.PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
