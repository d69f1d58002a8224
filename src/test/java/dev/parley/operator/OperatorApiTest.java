package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperatorApiTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static String workspace(String webhook) {
        return """
                groups: [{ id: support, name: Support }, { id: sales, name: Sales }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: sales, password_env: BOB_PW }
                bots:
                  - { id: triage, name: Triage, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(webhook);
    }

    String login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBotForwardReachesAnOnlineHumanWhoRepliesAndTheContactSeesIt(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return WebhookRecorder.Reply.empty();
            }
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    {"info": {"cid": "%s"}, "packet": {"name": "forward_any", "payload": {}}}"""
                    .formatted(call.path("info").path("cid").asText())));
        }); TestParley parley = TestParley.start(kind, temp, workspace(bot.url()),
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String ada = login(parley, "ADA@example.com", "ada-password");
            assertThat(http.put(parley.baseUrl() + "/api/v1/operators/me/status", auth(ada),
                    "{\"status\":\"online\"}").status()).isEqualTo(200);
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("I need a human");
            JsonNode forwarded = contact.awaitItem("forwarded", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("packet").path("payload").path("to").path("id").asText()).isEqualTo("ada");
            JsonNode mine = http.get(parley.baseUrl() + "/api/v1/conversations?assignee=me", auth(ada)).json();
            assertThat(mine.path("items")).hasSize(1);
            assertThat(mine.path("items").get(0).path("status").asText()).isEqualTo("assigned");
            String id = contact.conversationId();
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", auth(ada),
                    "{\"body\":\"Hi, Ada here.\"}").status()).isEqualTo(201);
            JsonNode reply = contact.awaitItem("operator reply", i -> i.path("author").path("type").asText()
                    .equals("operator"));
            assertThat(reply.path("author").path("name").asText()).isEqualTo("Ada");
            JsonNode detail = http.get(parley.baseUrl() + "/api/v1/conversations/" + id, auth(ada)).json();
            assertThat(detail.path("timeline").findValuesAsText("name")).contains("assignment", "message");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aForwardToAGroupGoesToItsOnlineHumanWhoSeesIt(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return WebhookRecorder.Reply.empty();
            }
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    {"info": {"cid": "%s"}, "packet": {"name": "forward_group", "payload": {"group_id": "sales"}}}"""
                    .formatted(call.path("info").path("cid").asText())));
        }); TestParley parley = TestParley.start(kind, temp, workspace(bot.url()),
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String bob = login(parley, "bob@example.com", "bob-password");
            http.put(parley.baseUrl() + "/api/v1/operators/me/status", auth(bob), "{\"status\":\"online\"}");
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("sales please");
            JsonNode forwarded = contact.awaitItem("forwarded", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("packet").path("payload").path("to").path("id").asText()).isEqualTo("bob");
            JsonNode mine = http.get(parley.baseUrl() + "/api/v1/conversations?assignee=me", auth(bob)).json();
            assertThat(mine.path("items")).hasSize(1);
            assertThat(mine.path("items").get(0).path("id").asText()).isEqualTo(contact.conversationId());
            assertThat(mine.path("items").get(0).path("group").asText()).isEqualTo("sales");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aForwardBySkillsGoesToAnOnlineHumanWithAllOfThemInAnyGroup(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return WebhookRecorder.Reply.empty();
            }
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    {"info": {"cid": "%s"}, "packet": {"name": "forward_skills", "payload": {"skills": ["billing"]}}}"""
                    .formatted(call.path("info").path("cid").asText())));
        }); TestParley parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }, { id: sales, name: Sales }]
                skills: [billing]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: sales, skills: [billing], password_env: BOB_PW }
                bots:
                  - { id: triage, name: Triage, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(bot.url()), Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            for (String[] who : new String[][] {{"ada@example.com", "ada-password"}, {"bob@example.com", "bob-password"}}) {
                http.put(parley.baseUrl() + "/api/v1/operators/me/status", auth(login(parley, who[0], who[1])),
                        "{\"status\":\"online\"}");
            }
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("my invoice is wrong");
            JsonNode forwarded = contact.awaitItem("forwarded", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("packet").path("payload").path("to").path("id").asText()).isEqualTo("bob");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void inboxConversationsAreTakenForwardedAndEnded(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url()),
                        Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String bob = login(parley, "bob@example.com", "bob-password");
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            String id = contact.conversationId();
            assertThat(http.get(parley.baseUrl() + "/api/v1/conversations/" + id, auth(bob)).status())
                    .as("agents do not see live bot conversations").isEqualTo(404);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/take", auth(ada), "")
                    .status()).isEqualTo(200);
            assertThat(http.post(parley.baseUrl() + "/api/chatbot/v1/bots/triage/events", Map.of(), "{}").status())
                    .isEqualTo(401);
            HttpAnswer notMine = http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", auth(bob),
                    "{\"body\":\"hello\"}");
            assertThat(notMine.status()).isEqualTo(409);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/forward", auth(ada),
                    "{\"group_id\":\"sales\"}").json().path("status").asText()).isEqualTo("inbox");
            JsonNode inbox = http.get(parley.baseUrl() + "/api/v1/conversations?status=inbox", auth(bob)).json();
            assertThat(inbox.path("items").findValuesAsText("id")).contains(id);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/take", auth(bob), "")
                    .json().path("assignee").path("id").asText()).isEqualTo("bob");
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/notes", auth(bob),
                    "{\"body\":\"VIP\"}").status()).isEqualTo(201);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/end", auth(bob), "")
                    .status()).isEqualTo(200);
            assertThat(contact.write("still there?").status()).isEqualTo(409);
            JsonNode detail = http.get(parley.baseUrl() + "/api/v1/conversations/" + id, auth(bob)).json();
            assertThat(detail.path("status").asText()).isEqualTo("ended");
            assertThat(detail.path("notes").findValuesAsText("body")).containsExactly("VIP");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badCredentialsAreRefusedAndThenRateLimited(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace("http://127.0.0.1:9/x"),
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            for (int i = 0; i < 10; i++) {
                HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                        "{\"email\":\"ada@example.com\",\"password\":\"nope\"}");
                assertThat(a.status()).isEqualTo(401);
                assertThat(a.body()).doesNotContain("nope");
            }
            HttpAnswer limited = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"nope\"}");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isPresent();
            assertThat(http.get(parley.baseUrl() + "/api/v1/conversations", Map.of("Authorization", "Bearer x"))
                    .status()).isEqualTo(401);
        }
    }
}
