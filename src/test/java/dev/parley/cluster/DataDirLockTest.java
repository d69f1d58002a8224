package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Ids;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RedisServer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite serves one node: a second Parley on the same database file is refused at start, in one line. */
class DataDirLockTest {
    @TempDir
    Path temp;

    final ParleyConfig config = ConfigLoader.parse("", "parley.yml", Map.of());

    @Test
    void aSecondProcessOnTheSameSqliteFileIsRefusedAndStartsOnceTheFirstHasStopped() throws Exception {
        Path workspace = Files.writeString(temp.resolve("parley.yml"), "groups: [{ id: support, name: Support }]\n");
        try (TestDatabase database = StoreKind.SQLITE.create(temp)) {
            try (Parley first = Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random())) {
                assertThatThrownBy(() -> ParleyProcess.start(workspace, database.dataDir(), Map.of(),
                        temp.resolve("second.log")))
                        .hasMessageContaining("parley: another Parley is already running on the SQLite database in "
                                + database.dataDir());
                assertThat(Files.readAllLines(temp.resolve("second.log")))
                        .filteredOn(line -> line.startsWith("parley: ")).hasSize(1);
                assertThatThrownBy(() -> Parley.start(database.settings(), config, Clock.systemUTC(), Ids.random()))
                        .as("a second server in the same JVM").isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("SQLite serves one node");
            }
            try (ParleyProcess second = ParleyProcess.start(workspace, database.dataDir(), Map.of(),
                    temp.resolve("after.log"))) {
                assertThat(second.output()).doesNotContain("already running");
            }
        }
    }

    @Test
    void postgresqlNodesShareADataFolderWithoutALock() {
        try (RedisServer redis = RedisServer.start(); TestDatabase database = StoreKind.POSTGRESQL.create(temp)) {
            RedisSettings shared = new RedisSettings(redis.url(), "parley-test-" + UUID.randomUUID() + ":");
            try (Parley first = Parley.start(database.settings().withRedis(shared), config, Clock.systemUTC(),
                    Ids.random());
                    Parley second = Parley.start(database.settings().withRedis(shared), config, Clock.systemUTC(),
                            Ids.random())) {
                assertThat(second.port()).isNotEqualTo(first.port());
                assertThat(database.dataDir().resolve("parley.lock")).doesNotExist();
            }
        }
    }
}
