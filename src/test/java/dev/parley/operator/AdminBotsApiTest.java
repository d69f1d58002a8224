package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.auth.Secrets;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminBotsApiTest {
    static final String HEADER_SECRET = "hook-header-value-42";

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static final String WORKSPACE = """
            public_base_url: https://chat.example.com
            groups: [{ id: support, name: Support }]
            skills: [billing]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    static final Map<String, String> ENV = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    String login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static ObjectNode shopBot(String webhookUrl) {
        ObjectNode bot = Json.object().put("id", "shopbot").put("name", "Shop Bot").put("group", "support")
                .put("type", "api").put("behavior", "firewall").put("webhook_url", webhookUrl)
                .put("request_timeout", "2s");
        bot.putObject("webhook_headers").put("API-SECURITY-TOKEN", HEADER_SECRET);
        bot.putObject("timeout").put("after", "10m").put("action", "unassign");
        bot.putObject("webhook_retry").put("attempts", 3).put("first_delay", "100ms");
        bot.putArray("skills").add("billing");
        return bot;
    }

    static String event(String cid, String name, ObjectNode payload) {
        ObjectNode e = Json.object();
        e.putObject("info").put("cid", cid);
        e.putObject("packet").put("name", name).set("payload", payload);
        return Json.write(e);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBotCreatedThroughTheApiWorksWithItsGeneratedTokenUntilItIsRotated(StoreKind kind) {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> firstToken = new AtomicReference<>("");
        AtomicReference<String> signing = new AtomicReference<>("");
        try (WebhookRecorder hook = WebhookRecorder.start((headers, body) -> calls.incrementAndGet() == 1
                ? new WebhookRecorder.Reply(500, Json.write(Json.object().put("echo", HEADER_SECRET + " "
                        + firstToken.get()).put("signed_with", signing.get()).put("password", "hunter2-pw")))
                : WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String api = parley.baseUrl() + "/api/v1";
            HttpAnswer created = http.post(api + "/bots", auth(ada), Json.write(shopBot(hook.url())));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode bot = created.json();
            assertThat(bot.path("api_url").asText())
                    .isEqualTo("https://chat.example.com/api/chatbot/v1/bots/shopbot/events");
            assertThat(bot.path("api_token_set").asBoolean()).isFalse();
            assertThat(bot.path("webhook_headers").path("API-SECURITY-TOKEN").asText()).isEqualTo("••••");
            assertThat(bot.path("timeout").path("after").asText()).isEqualTo("10m");
            assertThat(bot.path("webhook_retry").path("first_delay").asText()).isEqualTo("100ms");

            HttpAnswer token = http.post(api + "/bots/shopbot/token", auth(ada), "");
            assertThat(token.status()).as("%s", token).isEqualTo(201);
            firstToken.set(token.json().path("api_token").asText());
            HttpAnswer secret = http.post(api + "/bots/shopbot/signing-secret", auth(ada), "");
            assertThat(secret.status()).isEqualTo(201);
            signing.set(secret.json().path("signing_secret").asText());
            assertThat(firstToken.get()).hasSize(64);

            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(10)).until(() -> hook.calls().size() == 2);
            WebhookRecorder.Call start = hook.calls().get(1);
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.headers()).containsEntry("api-security-token", HEADER_SECRET)
                    .containsKey("parley-signature");
            String cid = start.cid();
            String events = parley.baseUrl() + "/api/chatbot/v1/bots/shopbot/events";
            assertThat(http.post(events, Map.of("SECURITY-TOKEN", firstToken.get()),
                    event(cid, "message", Json.object().put("body", "Hello from the shop"))).status()).isEqualTo(200);
            contact.awaitBotMessage("Hello from the shop");

            HttpAnswer log = http.get(api + "/bots/shopbot/deliveries", auth(ada));
            assertThat(log.status()).as("%s", log).isEqualTo(200);
            assertThat(log.body()).doesNotContain(firstToken.get(), signing.get(), HEADER_SECRET, "hunter2-pw");
            JsonNode items = log.json().path("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).path("outcome").asText()).isEqualTo("delivered");
            assertThat(items.get(0).path("attempt").asInt()).isEqualTo(2);
            assertThat(items.get(1).path("outcome").asText()).isEqualTo("retrying");
            assertThat(items.get(1).path("status").asInt()).isEqualTo(500);
            assertThat(items.get(1).path("event").asText()).isEqualTo("start");
            assertThat(items.get(1).path("cid").asText()).isEqualTo(cid);
            JsonNode echoed = json(items.get(1).path("response_body").asText());
            assertThat(echoed.path("echo").asText()).isEqualTo("•••• ••••");
            assertThat(echoed.path("signed_with").asText()).isEqualTo("••••");
            assertThat(echoed.path("password").asText()).isEqualTo("••••");
            assertThat(items.get(1).path("request_body").asText()).contains(cid);
            HttpAnswer older = http.get(api + "/bots/shopbot/deliveries?limit=1", auth(ada));
            assertThat(older.json().path("items")).hasSize(1);
            long next = older.json().path("next_before").asLong();
            assertThat(http.get(api + "/bots/shopbot/deliveries?limit=1&before=" + next, auth(ada)).json()
                    .path("items").get(0).path("outcome").asText()).isEqualTo("retrying");

            String rotated = http.post(api + "/bots/shopbot/token", auth(ada), "").json().path("api_token").asText();
            assertThat(rotated).isNotEqualTo(firstToken.get());
            assertThat(http.post(events, Map.of("SECURITY-TOKEN", firstToken.get()),
                    event(cid, "message", Json.object().put("body", "old token"))).status()).isEqualTo(401);
            assertThat(http.post(events, Map.of("SECURITY-TOKEN", rotated),
                    event(cid, "message", Json.object().put("body", "new token"))).status()).isEqualTo(200);

            List<HttpAnswer> reads = List.of(http.get(api + "/bots", auth(ada)),
                    http.get(api + "/bots/shopbot", auth(ada)));
            for (HttpAnswer read : reads) {
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.body()).doesNotContain(firstToken.get(), rotated, Secrets.hash(rotated),
                        signing.get(), HEADER_SECRET).contains("••••");
            }
            JsonNode shown = reads.get(1).json();
            assertThat(shown.path("api_token_set").asBoolean()).isTrue();
            assertThat(shown.path("signing_secret_set").asBoolean()).isTrue();

            ObjectNode newHeader = Json.object();
            newHeader.putObject("webhook_headers").put("API-SECURITY-TOKEN", "rotated-header-value-7");
            assertThat(http.put(api + "/bots/shopbot", auth(ada), Json.write(newHeader)).status()).isEqualTo(200);
            assertThat(http.delete(api + "/bots/shopbot/signing-secret", auth(ada)).status()).isEqualTo(200);
            HttpAnswer afterRotation = http.get(api + "/bots/shopbot/deliveries", auth(ada));
            assertThat(afterRotation.body()).as("secrets rotated away stay masked in the log")
                    .doesNotContain(firstToken.get(), signing.get(), HEADER_SECRET, "hunter2-pw");
            List<String> stored = parley.parley().database().read(h -> h.createQuery(
                    "SELECT COALESCE(response_body, '') || request_body FROM deliveries").mapTo(String.class).list());
            assertThat(stored).as("as stored").allSatisfy(row -> assertThat(row).doesNotContain(firstToken.get(),
                            signing.get(), HEADER_SECRET, "hunter2-pw"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void changesApplyAtOnceAndMaskedHeadersKeepTheirValue(StoreKind kind) {
        try (WebhookRecorder hook = WebhookRecorder.start((headers, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String api = parley.baseUrl() + "/api/v1";
            assertThat(http.post(api + "/bots", auth(ada), Json.write(shopBot(hook.url()))).status()).isEqualTo(201);
            ObjectNode change = Json.object().put("name", "Shop Bot 2");
            change.putObject("webhook_headers").put("API-SECURITY-TOKEN", "••••").put("X-Tenant", "acme");
            HttpAnswer changed = http.put(api + "/bots/shopbot", auth(ada), Json.write(change));
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.json().path("name").asText()).isEqualTo("Shop Bot 2");
            assertThat(changed.json().path("behavior").asText()).as("keys left out keep their values")
                    .isEqualTo("firewall");
            WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(10)).until(() -> !hook.calls().isEmpty());
            assertThat(hook.calls().getFirst().headers()).containsEntry("api-security-token", HEADER_SECRET)
                    .containsEntry("x-tenant", "acme");

            HttpAnswer busy = http.delete(api + "/bots/shopbot", auth(ada));
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.body()).contains("1 active session", "force=true");
            HttpAnswer forced = http.delete(api + "/bots/shopbot?force=true", auth(ada));
            assertThat(forced.status()).as("%s", forced).isEqualTo(200);
            assertThat(forced.json().path("unassigned").asInt()).isEqualTo(1);
            JsonNode inbox = http.get(api + "/conversations?status=inbox", auth(ada)).json();
            assertThat(inbox.path("items")).hasSize(1);
            assertThat(http.get(api + "/bots/shopbot", auth(ada)).status()).isEqualTo(404);
            assertThat(http.get(api + "/bots/shopbot/deliveries", auth(ada)).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void agentsAreForbiddenAndBadFieldsAreNamed(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String bob = login(parley, "bob@example.com", "bob-password");
            String api = parley.baseUrl() + "/api/v1";
            String body = Json.write(shopBot("http://127.0.0.1:9/hook"));
            assertThat(http.get(api + "/bots", auth(bob)).status()).isEqualTo(403);
            assertThat(http.post(api + "/bots", auth(bob), body).json().path("error").path("code").asText())
                    .isEqualTo("forbidden");
            assertThat(http.get(api + "/operators", auth(bob)).status()).isEqualTo(403);
            assertThat(http.get(api + "/bots", Map.of()).status()).isEqualTo(401);
            assertThat(http.get(api + "/operators/me", auth(bob)).json().path("id").asText())
                    .as("the caller's own profile stays open to agents").isEqualTo("bob");

            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "id", "bad id!")), "id", "not a valid id");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "group", "suport")), "group",
                    "did you mean 'support'");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "behavior", "sometimes")), "behavior",
                    "service_time, backup, human, firewall");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "webhook_url", "ftp://x")), "webhook_url",
                    "http(s) URL");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "slots", "0")), "slots", "between 1 and");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "api_token", "abc")), "api_token",
                    "/token");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "type", "flow")), "type", "configured in parley.yml");
            assertInvalid(http.post(api + "/bots", auth(ada), with(body, "nme", "x")), "nme", "did you mean 'name'");
            ObjectNode skills = (ObjectNode) json(body);
            skills.putArray("skills").add("cooking");
            assertInvalid(http.post(api + "/bots", auth(ada), Json.write(skills)), "skills[0]", "not defined");
            ObjectNode timeout = (ObjectNode) json(body);
            timeout.putObject("timeout").put("after", 600);
            assertInvalid(http.post(api + "/bots", auth(ada), Json.write(timeout)), "timeout.after", "unit");
            timeout.putObject("timeout").put("after", "soon");
            assertInvalid(http.post(api + "/bots", auth(ada), Json.write(timeout)), "timeout.after", "duration");
            ObjectNode missing = (ObjectNode) json(body);
            missing.remove("webhook_url");
            assertInvalid(http.post(api + "/bots", auth(ada), Json.write(missing)), "webhook_url", "type api");
            assertThat(http.post(api + "/bots", auth(ada), "{not json").json().path("error").path("code").asText())
                    .isEqualTo("invalid_json");

            assertThat(http.post(api + "/bots", auth(ada), body).status()).isEqualTo(201);
            assertThat(http.post(api + "/bots", auth(ada), body).status()).isEqualTo(409);
            assertInvalid(http.put(api + "/bots/shopbot", auth(ada), "{\"id\":\"other\"}"), "id", "cannot change");
            assertThat(http.get(api + "/bots/nobot", auth(ada)).status()).isEqualTo(404);
            assertThat(http.put(api + "/bots/nobot", auth(ada), "{\"name\":\"x\"}").status()).isEqualTo(404);
            assertThat(http.delete(api + "/bots/nobot", auth(ada)).status()).isEqualTo(404);
            assertThat(http.post(api + "/bots/nobot/token", auth(ada), "").status()).isEqualTo(404);
            assertThat(http.get(api + "/bots/shopbot/deliveries?limit=0", auth(ada)).status()).isEqualTo(400);
        }
    }

    static void assertInvalid(HttpAnswer answer, String path, String rule) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        JsonNode error = answer.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_field");
        assertThat(error.path("path").asText()).isEqualTo(path);
        assertThat(error.path("message").asText()).contains(rule);
    }

    static String with(String body, String key, String value) {
        return Json.write(((ObjectNode) json(body)).put(key, value));
    }

    static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
