package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console needs of the operator API beyond the spec's list: forward targets, date filters, the page. */
class ConsoleApiTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }, { id: sales, name: Sales }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob, email: bob@example.com, group: sales, password_env: BOB_PW }
              - { id: cy, name: Cy, email: cy@example.com, group: sales, password_env: BOB_PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    Map<String, String> login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return Map.of("Authorization", "Bearer " + a.json().path("token").asText());
    }

    @Test
    void anAgentListsTheGroupsAndOtherOperatorsToForwardTo() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            Map<String, String> bob = login(parley, "bob@example.com", "bob-password");
            Map<String, String> cy = login(parley, "cy@example.com", "bob-password");
            http.put(parley.baseUrl() + "/api/v1/operators/me/status", cy, "{\"status\": \"online\"}");
            HttpAnswer targets = http.get(parley.baseUrl() + "/api/v1/forward-targets", bob);
            assertThat(targets.status()).as("%s", targets).isEqualTo(200);
            JsonNode body = targets.json();
            assertThat(body.path("groups").findValuesAsText("id")).containsExactly("sales", "support");
            assertThat(body.path("groups").get(0).path("online").asInt()).isEqualTo(1);
            assertThat(body.path("groups").get(1).path("online").asInt()).isZero();
            assertThat(body.path("operators").findValuesAsText("id")).as("everyone but me, by name")
                    .containsExactly("ada", "cy");
            assertThat(body.path("operators").get(1).path("status").asText()).isEqualTo("online");
            assertThat(body.path("operators").get(0).has("email")).isFalse();
            assertThat(http.get(parley.baseUrl() + "/api/v1/forward-targets", Map.of()).status()).isEqualTo(401);
        }
    }

    @Test
    void conversationsAreFilteredByTheDayTheyBegan() {
        MutableClock clock = new MutableClock();
        clock.advance(Duration.between(Instant.now(), Instant.parse("2026-03-01T23:30:00Z")));
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"), clock)) {
            String march1 = WebContact.open(http, parley.baseUrl(), "web").conversationId();
            clock.advance(Duration.ofHours(1));
            String march2 = WebContact.open(http, parley.baseUrl(), "web").conversationId();
            clock.advance(Duration.ofDays(2));
            String march4 = WebContact.open(http, parley.baseUrl(), "web").conversationId();
            Map<String, String> ada = login(parley, "ada@example.com", "ada-password");
            String list = parley.baseUrl() + "/api/v1/conversations?";
            assertThat(ids(http.get(list + "from=2026-03-02", ada))).containsExactly(march4, march2);
            assertThat(ids(http.get(list + "to=2026-03-02", ada))).containsExactly(march2, march1);
            assertThat(ids(http.get(list + "from=2026-03-02&to=2026-03-02", ada))).containsExactly(march2);
            JsonNode first = http.get(list + "limit=1", ada).json().path("items").get(0);
            assertThat(first.path("last_seq").isIntegralNumber()).isTrue();

            HttpAnswer bad = http.get(list + "from=yesterday", ada);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").path("path").asText()).isEqualTo("from");
            assertThat(bad.json().path("error").path("message").asText()).contains("YYYY-MM-DD", "yesterday");
            HttpAnswer backwards = http.get(list + "from=2026-03-04&to=2026-03-01", ada);
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.json().path("error").path("path").asText()).isEqualTo("to");
        }
    }

    private static java.util.List<String> ids(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().path("items").findValuesAsText("id").stream().filter(id -> id.startsWith("conv")).toList();
    }

    @Test
    void theConsolePageIsServedWithAPolicyThatRunsOnlyItsOwnScripts() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            HttpAnswer page = http.get(parley.baseUrl() + "/console", Map.of());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("script-src 'self'", "object-src 'none'");
            assertThat(page.body()).contains("/static/console/app.js");
            assertThat(http.get(parley.baseUrl() + "/static/console/app.js", Map.of()).status()).isEqualTo(200);
        }
    }
}
