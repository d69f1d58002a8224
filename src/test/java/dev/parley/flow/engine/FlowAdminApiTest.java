package dev.parley.flow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowAdminApiTest {
    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();
    static final Map<String, String> ENV = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    private TestParley start(StoreKind kind) throws Exception {
        Path flow = temp.resolve("intake.yml");
        Files.writeString(flow, FlowBotTest.FLOW);
        return TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                bots:
                  - { id: intake, name: Intake Bot, group: support, type: flow, behavior: human, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(flow), ENV);
    }

    private Map<String, String> login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return Map.of("Authorization", "Bearer " + a.json().path("token").asText());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void adminsListFlowsSeeTheirDiagramAndChatWithThem(StoreKind kind) throws Exception {
        try (TestParley parley = start(kind)) {
            Map<String, String> admin = login(parley, "ada@example.com", "ada-password");
            HttpAnswer list = http.get(parley.baseUrl() + "/api/v1/flows", admin);
            assertThat(list.status()).as("%s", list).isEqualTo(200);
            JsonNode flow = list.json().path("flows").get(0);
            assertThat(flow.path("id").asText()).isEqualTo("intake");
            assertThat(flow.path("valid").asBoolean()).isTrue();
            assertThat(flow.path("bots").toString()).isEqualTo("[\"intake\"]");

            HttpAnswer svg = http.get(parley.baseUrl() + "/api/v1/flows/intake/graph.svg", admin);
            assertThat(svg.status()).isEqualTo(200);
            assertThat(svg.body()).startsWith("<svg").contains("ask_email");

            HttpAnswer chat = http.post(parley.baseUrl() + "/api/v1/flows/intake/test-chat", admin, "");
            assertThat(chat.status()).as("%s", chat).isEqualTo(201);
            WebContact contact = WebContact.of(http, parley.baseUrl(), chat.json().path("conversation_id").asText(),
                    chat.json().path("contact_token").asText());
            JsonNode welcome = contact.awaitItem("welcome", Items.fromBot("button_template"));
            assertThat(Items.bodyOf(welcome)).isEqualTo("Hi Flow test! What do you need?");
            contact.say("delivery status");
            contact.awaitBotMessage("Your e-mail address?");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void agentsAndUnknownFlowsAreRefused(StoreKind kind) throws Exception {
        try (TestParley parley = start(kind)) {
            Map<String, String> agent = login(parley, "bob@example.com", "bob-password");
            assertThat(http.get(parley.baseUrl() + "/api/v1/flows", agent).status()).isEqualTo(403);
            Map<String, String> admin = login(parley, "ada@example.com", "ada-password");
            HttpAnswer missing = http.get(parley.baseUrl() + "/api/v1/flows/nope/graph.svg", admin);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("nope");
            assertThat(http.post(parley.baseUrl() + "/api/v1/flows/nope/test-chat", admin, "").status())
                    .isEqualTo(404);
            assertThat(http.get(parley.baseUrl() + "/api/v1/flows", Map.of()).status()).isEqualTo(401);
        }
    }
}
