package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.testing.RedisServer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database serves one node without Redis or any number with Redis: the other combinations are refused
 * at start, in one line that says what to do, and a node whose hold broke takes it again by itself.
 */
class DatabaseHoldTest {
    @TempDir
    Path temp;

    final ParleyConfig config = ConfigLoader.parse("groups: [{ id: support, name: Support }]\n", "parley.yml",
            Map.of());

    @Test
    void aSecondNodeWithoutRedisIsRefusedAndANodeWithRedisBesideIt() {
        try (RedisServer redis = RedisServer.start(); TestDatabase database = StoreKind.POSTGRESQL.create(temp)) {
            RedisSettings shared = new RedisSettings(redis.url(), "parley-test-" + UUID.randomUUID() + ":");
            try (Parley alone = Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random())) {
                assertThatThrownBy(() -> Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("another Parley node is running on this PostgreSQL database; several nodes need"
                                + " a shared Redis: give every node the same PARLEY_REDIS_URL (or redis_url in"
                                + " parley.yml)");
                assertThatThrownBy(() -> Parley.start(database.settings().withRedis(shared), config,
                        Clock.systemUTC(), Ids.random()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("a Parley node without Redis is running on this PostgreSQL database");
            }
            try (Parley first = Parley.start(database.settings().withRedis(shared), config, Clock.systemUTC(),
                    Ids.random());
                    Parley second = Parley.start(database.settings().withRedis(shared), config, Clock.systemUTC(),
                            Ids.random())) {
                assertThat(second.port()).as("nodes with Redis share the database").isNotEqualTo(first.port());
                assertThatThrownBy(() -> Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random()))
                        .hasMessageStartingWith("another Parley node is running on this PostgreSQL database");
            }
            try (Parley again = Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random())) {
                assertThat(again.port()).as("alone again once the others stopped").isPositive();
            }
        }
    }

    @Test
    void aHoldWhoseConnectionBrokeIsTakenAgainUnlessAnotherNodeTookTheDatabaseMeanwhile() {
        try (TestDatabase database = StoreKind.POSTGRESQL.create(temp); Database db = Database.open(database.url());
                DatabaseHold first = DatabaseHold.take(database.url(), DatabaseHold.Kind.ALONE)) {
            assertThat(first.held()).isTrue();
            int before = holdBackend(db);
            terminateHolds(db);
            await("taken again on a new connection").atMost(Duration.ofSeconds(15))
                    .until(() -> first.held() && holdBackend(db) != before);

            terminateHolds(db);
            DatabaseHold[] second = new DatabaseHold[1];
            // the first node's session ends a moment after it is told to: until then the lock is still its own
            await("another node takes the database").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> (second[0] = DatabaseHold.take(database.url(), DatabaseHold.Kind.ALONE)).held());
            try (DatabaseHold other = second[0]) {
                await("the first node finds it lost the database").atMost(Duration.ofSeconds(15))
                        .until(() -> !first.held());
                assertThat(other.held()).isTrue();
            }
            await("and takes it once the other node stopped").atMost(Duration.ofSeconds(15)).until(first::held);
        }
    }

    @Test
    void aStartingNodeWaitsAMomentForANodeThatIsStopping() throws Exception {
        try (TestDatabase database = StoreKind.POSTGRESQL.create(temp);
                Connection stopping = DriverManager.getConnection(database.url().jdbcUrl(), database.url().user(),
                        database.url().password())) {
            // the session of a node that stopped just now, whose server process has not ended yet
            try (PreparedStatement lock = stopping.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, DatabaseHold.KEY);
                lock.execute();
            }
            CompletableFuture<DatabaseHold> starting = CompletableFuture.supplyAsync(
                    () -> DatabaseHold.take(database.url(), DatabaseHold.Kind.ALONE));
            await("the starting node is still waiting").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> !starting.isDone());
            stopping.close();
            try (DatabaseHold hold = starting.get(10, TimeUnit.SECONDS)) {
                assertThat(hold.held()).isTrue();
            }
            // a node that goes on running is refused once the wait is over
            try (DatabaseHold running = DatabaseHold.take(database.url(), DatabaseHold.Kind.ALONE)) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> DatabaseHold.take(database.url(), DatabaseHold.Kind.ALONE))
                        .hasMessageStartingWith("another Parley node is running on this PostgreSQL database");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DatabaseHold.STOPPING);
                assertThat(running.held()).isTrue();
            }
        }
    }

    private static int holdBackend(Database db) {
        return db.read(h -> h.createQuery("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database()
                  AND application_name = 'parley node hold'""").mapTo(Integer.class).findOne().orElse(0));
    }

    private static void terminateHolds(Database db) {
        db.read(h -> h.createQuery("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()
                  AND application_name = 'parley node hold'""").mapTo(Boolean.class).list());
    }
}
