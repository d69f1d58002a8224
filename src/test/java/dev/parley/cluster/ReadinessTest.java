package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.RedisServer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /health/ready} names the database and Redis, and says which one is down; Lettuce reconnects by itself. */
class ReadinessTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void redisGoingAwayMakesTheNodeUnreadyNamingRedisUntilItIsBack(StoreKind kind) throws Exception {
        try (RedisServer redis = RedisServer.start();
                TestDatabase database = kind.create(temp);
                Parley parley = Parley.start(database.settings().withRedis(RedisSettings.of(redis.url())),
                        ConfigLoader.parse("", "parley.yml", Map.of()), Clock.systemUTC(), Ids.random())) {
            String ready = "http://127.0.0.1:" + parley.port() + "/health/ready";
            HttpAnswer up = http.get(ready, Map.of());
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().path("database").asText()).isEqualTo("reachable");
            assertThat(up.json().path("redis").asText()).isEqualTo("reachable");

            redis.stop();
            HttpAnswer down = await("unready").atMost(Duration.ofSeconds(20))
                    .until(() -> http.get(ready, Map.of()), a -> a.status() == 503);
            assertThat(down.json().path("status").asText()).isEqualTo("down");
            assertThat(down.json().path("database").asText()).isEqualTo("reachable");
            assertThat(down.json().path("redis").asText()).isEqualTo("unreachable");
            HttpAnswer login = http.post("http://127.0.0.1:" + parley.port() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"nobody@example.com\",\"password\":\"guess\"}");
            assertThat(login.status()).as("a limit Redis cannot check lets the request through: %s", login)
                    .isEqualTo(401);

            redis.startAgain();
            await("ready again").atMost(Duration.ofSeconds(30)).until(() -> http.get(ready, Map.of()).status() == 200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withoutRedisOnlyTheDatabaseIsReported(StoreKind kind) {
        try (TestDatabase database = kind.create(temp);
                Parley parley = Parley.start(database.settings(), ConfigLoader.parse("", "parley.yml", Map.of()),
                        Clock.systemUTC(), Ids.random())) {
            HttpAnswer up = http.get("http://127.0.0.1:" + parley.port() + "/health/ready", Map.of());
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().path("database").asText()).isEqualTo("reachable");
            assertThat(up.json().has("redis")).isFalse();
        }
    }
}
