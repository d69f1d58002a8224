package dev.parley.flow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The intents of a flow and their cross-validation, for admins under /api/v1/flows/{id}/intents. */
class FlowIntentsApiTest {
    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private TestParley start(StoreKind kind) throws Exception {
        Path flow = temp.resolve("helpdesk.yml");
        try (InputStream in = FlowIntentsApiTest.class.getResourceAsStream("/flows/helpdesk-intents.yml")) {
            Files.write(flow, in.readAllBytes());
        }
        Path intake = temp.resolve("intake.yml");
        Files.writeString(intake, FlowBotTest.FLOW);
        return TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                bots:
                  - { id: helpdesk, name: Helpdesk, group: support, type: flow, behavior: human, flow: "%s" }
                  - { id: intake, name: Intake, group: support, type: flow, behavior: human, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(flow, intake), FlowAdminApiTest.ENV);
    }

    private Map<String, String> login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return Map.of("Authorization", "Bearer " + a.json().path("token").asText());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void adminsSeeAFlowsIntentsAndKeepTheFiguresOfTheirLastTest(StoreKind kind) throws Exception {
        try (TestParley parley = start(kind)) {
            Map<String, String> admin = login(parley, "ada@example.com", "ada-password");
            String url = parley.baseUrl() + "/api/v1/flows/helpdesk/intents";
            JsonNode before = http.get(url, admin).json();
            assertThat(before.path("threshold").asDouble()).isEqualTo(0.6);
            assertThat(before.path("global").toString()).isEqualTo("{\"human\":\"handoff\",\"stop\":\"bye\"}");
            assertThat(before.path("examples").path("de").path("order_status").get(0).asText())
                    .isEqualTo("Wo ist meine Bestellung?");
            assertThat(before.path("last_test").isNull()).isTrue();

            HttpAnswer tested = http.post(url + "/test", admin, "");
            assertThat(tested.status()).as("%s", tested).isEqualTo(200);
            JsonNode english = tested.json().path("last_test").path("languages").path("en");
            assertThat(english.path("examples").asInt()).isEqualTo(24);
            assertThat(english.path("accuracy").asDouble()).isBetween(0.5, 1.0);
            assertThat(english.path("intents")).hasSize(4);

            JsonNode after = http.get(url, admin).json();
            assertThat(after.path("last_test").path("folds").asInt()).isEqualTo(5);
            assertThat(after.path("last_test").path("ran_at").asText()).isNotBlank();
            assertThat(after.path("last_test").path("languages").path("de").path("accuracy").asDouble())
                    .isEqualTo(tested.json().path("last_test").path("languages").path("de").path("accuracy").asDouble());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void agentsFlowsWithoutIntentsAndUnknownFlowsAreRefused(StoreKind kind) throws Exception {
        try (TestParley parley = start(kind)) {
            Map<String, String> agent = login(parley, "bob@example.com", "bob-password");
            assertThat(http.get(parley.baseUrl() + "/api/v1/flows/helpdesk/intents", agent).status()).isEqualTo(403);
            assertThat(http.post(parley.baseUrl() + "/api/v1/flows/helpdesk/intents/test", agent, "").status())
                    .isEqualTo(403);
            Map<String, String> admin = login(parley, "ada@example.com", "ada-password");
            HttpAnswer none = http.post(parley.baseUrl() + "/api/v1/flows/intake/intents/test", admin, "");
            assertThat(none.status()).as("%s", none).isEqualTo(409);
            assertThat(none.body()).contains("flow 'intake' declares no intents");
            assertThat(http.get(parley.baseUrl() + "/api/v1/flows/nope/intents", admin).status()).isEqualTo(404);
        }
    }
}
