package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkspaceFileTest {
    private static final String FILE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
            bots:
              - { id: shopbot, name: Shop Bot, group: support, type: api, behavior: firewall,
                  webhook_url: "http://127.0.0.1:9/webhook" }
            widgets: [{ id: web, name: Web, group: support }, { id: old, name: Old, group: support }]
            """;
    private static final String SMALLER = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;
    private static final Map<String, String> ENV = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private Parley start(TestDatabase db, String yaml) {
        return Parley.start(db.settings(), ConfigLoader.parse(yaml, "parley.yml", ENV), Clock.systemUTC(),
                Ids.random());
    }

    private HttpAnswer login(Parley parley, String email, String password) {
        return http.post(base(parley) + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
    }

    private static String base(Parley parley) {
        return "http://127.0.0.1:" + parley.port();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void objectsTheFileNoLongerNamesAreDisabledAndConsoleObjectsStay(StoreKind kind) {
        try (TestDatabase db = kind.create(temp)) {
            try (Parley first = start(db, FILE)) {
                assertThat(first.disabledObjects()).isEmpty();
                String ada = login(first, "ada@example.com", "ada-password").json().path("token").asText();
                HttpAnswer created = http.post(base(first) + "/api/v1/widgets", Map.of("Authorization", "Bearer " + ada),
                        "{\"id\": \"console\", \"name\": \"Made in the console\", \"group\": \"support\"}");
                assertThat(created.status()).as("%s", created).isEqualTo(201);
            }
            try (Parley second = start(db, SMALLER)) {
                assertThat(second.disabledObjects()).containsExactly("operator bob", "bot shopbot", "widget old");
                assertThat(login(second, "bob@example.com", "bob-password").status()).isEqualTo(401);
                String ada = login(second, "ada@example.com", "ada-password").json().path("token").asText();
                JsonNode widgets = http.get(base(second) + "/api/v1/widgets", Map.of("Authorization", "Bearer " + ada))
                        .json();
                assertThat(widgets.path("items").findValuesAsText("id")).containsExactly("console", "web");
                assertThat(http.post(base(second) + "/api/web/v1/widgets/old/conversations", Map.of(), "{}").status())
                        .isEqualTo(404);
                HttpAnswer twin = http.post(base(second) + "/api/v1/operators", Map.of("Authorization", "Bearer " + ada),
                        "{\"id\": \"bobby\", \"name\": \"Bobby\", \"email\": \"bob@example.com\","
                                + " \"group\": \"support\", \"password\": \"bobby-password\"}");
                assertThat(twin.status()).as("%s", twin).isEqualTo(409);
                assertThat(twin.json().path("error").path("message").asText()).contains("operator 'bob'");

                WebContact contact = WebContact.open(http, base(second), "web");
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(second, contact).equals("inbox"));
                int sessions = second.database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM bot_sessions WHERE conversation_id = :c").bind("c",
                        contact.conversationId()).mapTo(Integer.class).one());
                assertThat(sessions).isZero();
            }
            try (Parley third = start(db, FILE)) {
                assertThat(third.disabledObjects()).isEmpty();
                assertThat(login(third, "bob@example.com", "bob-password").status()).isEqualTo(200);
            }
        }
    }

    private static String status(Parley parley, WebContact contact) {
        return parley.database().read(h -> h.createQuery("SELECT status FROM conversations WHERE id = :id")
                .bind("id", contact.conversationId()).mapTo(String.class).one());
    }
}
