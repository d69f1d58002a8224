package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.cluster.RedisSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Ids;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.RedisServer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another node committed while Redis was away reaches this node's sockets once its subscription is
 * back, even though the announcement of it was lost: the node catches its listeners up from the database.
 */
class RedisComebackTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void aMessageWrittenOnAnotherNodeWhileRedisWasAwayReachesTheSocketWhenRedisIsBack() {
        ParleyConfig config = ConfigLoader.parse("""
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support }]
                """, "parley.yml", Map.of());
        try (RedisServer redis = RedisServer.start(); TestDatabase db = StoreKind.POSTGRESQL.create(temp)) {
            RedisSettings shared = new RedisSettings(redis.url(), "parley-test-" + UUID.randomUUID() + ":");
            try (Parley nodeA = Parley.start(db.settings().withRedis(shared), config, Clock.systemUTC(), Ids.random())) {
                WebContact contact = WebContact.open(http, base(nodeA), "web");
                contact.say("before");
                ClusterTest.Frames onA = new ClusterTest.Frames();
                http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + nodeA.port()
                        + "/api/web/v1/conversations/" + contact.conversationId() + "/stream?token="
                        + contact.token() + "&after=0"), onA).join();
                await("the socket on A").atMost(Duration.ofSeconds(10)).until(() -> onA.bodies().contains("before"));

                // B stores the message and announces it to a Redis that is away; B is gone before Redis is back,
                // so the announcement never reaches A
                try (Parley nodeB = Parley.start(db.settings().withRedis(shared), config, Clock.systemUTC(),
                        Ids.random())) {
                    redis.stop();
                    assertThat(contact.at(base(nodeB)).write("while Redis was away").status())
                            .isEqualTo(202);
                }
                redis.startAgain();

                await("the socket on A after Redis came back").atMost(Duration.ofSeconds(20))
                        .until(() -> onA.bodies().contains("while Redis was away"));
                assertThat(onA.bodies()).containsExactly("before", "while Redis was away");
            }
        }
    }

    private static String base(Parley node) {
        return "http://127.0.0.1:" + node.port();
    }
}
