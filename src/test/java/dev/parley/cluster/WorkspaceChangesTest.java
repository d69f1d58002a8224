package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's change on one node reaches the cached workspace of the other through Redis. */
class WorkspaceChangesTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void aWidgetRemovedOnOneNodeIsGoneOnTheOtherAtOnce() {
        String yaml = """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                widgets: [{ id: web, name: Web, group: support }]
                """;
        ParleyConfig config = ConfigLoader.parse(yaml, "parley.yml", Map.of("ADA_PW", "ada-password"));
        RedisSettings redis = new RedisSettings("redis://127.0.0.1:6379", "parley-test-" + UUID.randomUUID() + ":");
        try (TestDatabase db = StoreKind.POSTGRESQL.create(temp);
                Parley nodeA = Parley.start(db.settings().withRedis(redis), config, Clock.systemUTC(), Ids.random());
                Parley nodeB = Parley.start(db.settings().withRedis(redis), config, Clock.systemUTC(), Ids.random())) {
            String ada = http.post(base(nodeA) + "/api/v1/auth/login", Map.of(), Json.write(Json.object()
                    .put("email", "ada@example.com").put("password", "ada-password"))).json().path("token").asText();
            HttpAnswer made = http.post(base(nodeA) + "/api/v1/widgets", Map.of("Authorization", "Bearer " + ada),
                    "{\"id\": \"shop\", \"name\": \"Shop\", \"group\": \"support\"}");
            assertThat(made.status()).as("%s", made).isEqualTo(201);
            WebContact visitor = WebContact.open(http, base(nodeB), "web");
            assertThat(conversationsOn(nodeB, "shop", visitor).status()).isEqualTo(200);

            HttpAnswer removed = http.delete(base(nodeA) + "/api/v1/widgets/shop", Map.of("Authorization", "Bearer " + ada));
            assertThat(removed.status()).as("%s", removed).isEqualTo(200);
            // the widget stays cached on B for a second unless the change reaches it through Redis
            await().atMost(Duration.ofMillis(800)).pollInterval(Duration.ofMillis(20))
                    .until(() -> conversationsOn(nodeB, "shop", visitor).status() == 404);
        }
    }

    /** The visitor's open conversations on {@code widget}: 404 once the node knows the widget is gone. */
    private HttpAnswer conversationsOn(Parley node, String widget, WebContact visitor) {
        return http.get(base(node) + "/api/web/v1/widgets/" + widget + "/conversations", visitor.auth());
    }

    private static String base(Parley node) {
        return "http://127.0.0.1:" + node.port();
    }
}
