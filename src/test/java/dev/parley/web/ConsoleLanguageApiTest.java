package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console language an operator chooses is kept with them; only shipped languages are accepted. */
class ConsoleLanguageApiTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theChosenLanguageIsKeptPerOperatorAndEveryLogInSeesIt(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of("PW", "password"))) {
            String me = parley.baseUrl() + "/api/v1/operators/me";
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "password");
            assertThat(http.get(me, ada).json().path("language").isNull()).as("no choice yet: the browser's").isTrue();

            HttpAnswer chose = http.put(me + "/language", ada, "{\"language\": \"de\"}");
            assertThat(chose.status()).isEqualTo(200);
            assertThat(chose.json().path("language").asText()).isEqualTo("de");

            Map<String, String> adaElsewhere = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
            assertThat(http.get(me, adaElsewhere).json().path("language").asText()).isEqualTo("de");
            assertThat(http.get(me, bob).json().path("language").isNull()).as("Bob chose nothing").isTrue();

            http.put(me + "/language", ada, "{\"language\": \"en\"}");
            assertThat(http.get(me, ada).json().path("language").asText()).isEqualTo("en");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLanguageTheConsoleDoesNotShipIsRefusedNamingTheField(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of("PW", "password"))) {
            String me = parley.baseUrl() + "/api/v1/operators/me";
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");

            HttpAnswer french = http.put(me + "/language", ada, "{\"language\": \"fr\"}");
            assertThat(french.status()).isEqualTo(400);
            JsonNode error = french.json().path("error");
            assertThat(error.path("path").asText()).isEqualTo("language");
            assertThat(error.path("message").asText()).contains("en, de").contains("'fr'");

            HttpAnswer missing = http.put(me + "/language", ada, "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().path("error").path("path").asText()).isEqualTo("language");

            assertThat(http.put(me + "/language", Map.of(), "{\"language\": \"de\"}").status()).isEqualTo(401);
            assertThat(http.get(me, ada).json().path("language").isNull()).as("nothing was kept").isTrue();
        }
    }
}
