package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BrazeConfig;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Braze outreach webhook: Braze opens a proactive conversation and starts a flow with variables. */
class OutreachTest {
    static final String KEY = "braze-sandbox-key";
    static final String TOKEN = "outreach-secret-token";
    static final String IDENTITY_SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private String workspace(String brazeUrl, boolean withToken) throws Exception {
        Path probe = temp.resolve("probe.yml");
        Files.writeString(probe, """
                id: probe
                start: hello
                variables: [first_name]
                nodes:
                  hello: { say: "mode={{conversation.approach_mode}} name={{first_name}}", end: true }
                """);
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY%s } }
                bots:
                  - { id: winbackbot, name: Winback Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                  - { id: probebot, name: Probe Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, identity: { secret_env: WEB_IDENTITY } }
                  - { id: plain, name: Plain, group: support }
                """.formatted(brazeUrl, withToken ? ", outreach_token_env: OUTREACH_TOKEN" : "",
                Path.of("examples/flows/winback.yml").toAbsolutePath(), probe);
    }

    private HttpAnswer outreach(TestParley parley, String token, ObjectNode body) {
        return http.post(parley.baseUrl() + "/api/integrations/braze/v1/outreach",
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), Json.write(body));
    }

    private static ObjectNode body(String outreachId) {
        ObjectNode b = Json.object();
        b.put("outreach_id", outreachId);
        b.putObject("user").put("external_id", "user-42");
        b.put("widget", "web");
        b.put("flow", "winback");
        b.putObject("variables").put("first_name", "Ada").put("offer", "20% off your next order");
        return b;
    }

    private static ObjectNode with(ObjectNode base, Consumer<ObjectNode> change) {
        ObjectNode copy = base.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static List<String> botMessages(TestParley parley, String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("""
                SELECT payload FROM timeline WHERE conversation_id = :c AND author_type = 'bot' ORDER BY seq""").bind("c", conversationId).mapTo(String.class).list())
                .stream().map(p -> Json.parseStored(p).path("body").asText()).filter(b -> !b.isEmpty()).toList();
    }

    private static int count(TestParley parley, String table) {
        return parley.count(table);
    }

    private static Map<String, String> env() {
        return Map.of("BRAZE_KEY", KEY, "OUTREACH_TOKEN", TOKEN, "WEB_IDENTITY", IDENTITY_SECRET);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReturningWebContactAnswersTheWinbackFlowAndBrazeGetsTheAnswer(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace(braze.url(), true), env())) {
            HttpAnswer first = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    Json.write(Json.object().set("contact", Json.object().put("email", "ada@example.com"))));
            assertThat(first.status()).as("%s", first).isEqualTo(201);
            String token = first.json().path("contact_token").asText();

            ObjectNode request = body("winback-ada-1");
            ((ObjectNode) request.get("user")).put("email", "ada@example.com");
            HttpAnswer started = outreach(parley, TOKEN, request);
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            WebContact contact = WebContact.of(http, parley.baseUrl(),
                    started.json().path("conversation_id").asText(), token);

            JsonNode offer = contact.awaitItem("offer", Items.fromBot("button_template"));
            assertThat(Items.bodyOf(offer)).isEqualTo("Hi Ada! We miss you. As a welcome back: 20% off your next order.");
            contact.click(offer.path("id").asText(), "accept");
            contact.awaitBotMessage("Great, we have saved the offer for you.");
            contact.awaitBotMessage("Have a nice day!");

            await("answer in Braze").atMost(Duration.ofSeconds(30)).until(() -> !braze.tracked().isEmpty());
            JsonNode event = braze.tracked().getFirst().body().path("events").get(0);
            assertThat(event.path("external_id").asText()).isEqualTo("user-42");
            assertThat(event.path("name").asText()).isEqualTo("winback_answered");
            assertThat(event.path("properties").path("answer").asText()).isEqualTo("accepted");
            assertThat(event.path("properties").path("approach_mode").asText()).isEqualTo("proactive");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void outreachStartsTheFlowWithSeededVariablesOnceAndReusesContacts(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace(braze.url(), true), env())) {
            HttpAnswer first = outreach(parley, TOKEN, body("cv1-user-42"));
            assertThat(first.status()).as("%s", first).isEqualTo(202);
            String conv = first.json().path("conversation_id").asText();
            assertThat(conv).isNotBlank();
            assertThat(first.json().has("duplicate")).isFalse();
            await().atMost(Duration.ofSeconds(20)).until(() -> !botMessages(parley, conv).isEmpty());
            assertThat(botMessages(parley, conv).getFirst())
                    .isEqualTo("Hi Ada! We miss you. As a welcome back: 20% off your next order.");
            String mode = parley.parley().database().read(h -> h.createQuery(
                    "SELECT approach_mode FROM conversations WHERE id = :c").bind("c", conv).mapTo(String.class).one());
            assertThat(mode).isEqualTo("proactive");

            HttpAnswer again = outreach(parley, TOKEN, body("cv1-user-42"));
            assertThat(again.status()).as("%s", again).isEqualTo(202);
            assertThat(again.json().path("conversation_id").asText()).isEqualTo(conv);
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();
            assertThat(count(parley, "conversations")).isEqualTo(1);
            assertThat(count(parley, "contacts")).isEqualTo(1);

            // the flow sees approach_mode, and a message given by Braze comes first
            ObjectNode probe = with(body("cv2-ada"), b -> {
                b.remove("flow");
                b.put("bot", "probebot");
                b.set("user", Json.object().put("external_id", "ada-7").put("email", "ada@example.com"));
                b.put("message", "A note from the shop");
            });
            HttpAnswer second = outreach(parley, TOKEN, probe);
            assertThat(second.status()).as("%s", second).isEqualTo(202);
            String conv2 = second.json().path("conversation_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> botMessages(parley, conv2).size() >= 2);
            assertThat(botMessages(parley, conv2)).startsWith("A note from the shop", "mode=proactive name=Ada");
            assertThat(count(parley, "contacts")).isEqualTo(2);

            // an existing contact found by e-mail is reused
            HttpAnswer third = outreach(parley, TOKEN, with(probe, b -> {
                b.put("outreach_id", "cv3-ada");
                b.set("user", Json.object().put("email", "ada@example.com"));
            }));
            assertThat(third.status()).as("%s", third).isEqualTo(202);
            assertThat(third.json().path("conversation_id").asText()).isNotEqualTo(conv2);
            assertThat(count(parley, "contacts")).isEqualTo(2);
            assertThat(count(parley, "conversations")).isEqualTo(3);
            List<String> contactIds = parley.parley().database().read(h -> h.createQuery(
                    "SELECT contact_id FROM conversations WHERE id IN (:a, :b)").bind("a", conv2)
                    .bind("b", third.json().path("conversation_id").asText()).mapTo(String.class).list());
            assertThat(contactIds).hasSize(2).containsOnly(contactIds.getFirst());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOutreachNobodyCouldSeeIsRefusedAndLeavesNothing(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace(braze.url(), true), env())) {
            // a user who never chatted, on a widget that cannot identify visitors
            HttpAnswer stranger = outreach(parley, TOKEN, with(body("plain-1"), b -> b.put("widget", "plain")));
            expect(stranger, 422, "has no signed visitor identity");
            assertThat(stranger.json().path("error").path("path").asText()).isEqualTo("user");
            assertThat(stranger.json().path("error").path("code").asText()).isEqualTo("user_unreachable");
            // a widget that identifies visitors, but nothing it could identify this user by
            HttpAnswer byMail = outreach(parley, TOKEN, with(body("web-mail-1"),
                    b -> b.set("user", Json.object().put("email", "bo@example.com"))));
            expect(byMail, 422, "send user.external_id");
            assertThat(count(parley, "conversations")).isZero();
            assertThat(count(parley, "contacts")).isZero();
            assertThat(count(parley, "outreaches")).isZero();

            // the same user once they chatted on the plain widget, and the same call again (not a duplicate)
            HttpAnswer chatted = http.post(parley.baseUrl() + "/api/web/v1/widgets/plain/conversations", Map.of(),
                    Json.write(Json.object().set("contact", Json.object().put("email", "bo@example.com"))));
            assertThat(chatted.status()).as("%s", chatted).isEqualTo(201);
            HttpAnswer reached = outreach(parley, TOKEN, with(body("plain-1"), b -> {
                b.put("widget", "plain");
                b.set("user", Json.object().put("email", "bo@example.com"));
            }));
            assertThat(reached.status()).as("%s", reached).isEqualTo(202);
            assertThat(reached.json().has("duplicate")).isFalse();
            // chatting on one widget does not make the user reachable on another without identity
            ObjectNode elsewhere = Json.object().put("email", "cy@example.com");
            assertThat(http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    Json.write(Json.object().set("contact", elsewhere))).status()).isEqualTo(201);
            expect(outreach(parley, TOKEN, with(body("plain-2"), b -> {
                b.put("widget", "plain");
                b.set("user", elsewhere);
            })), 422, "they have not chatted on it");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badInputsGetAClearClientError(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace(braze.url(), true), env())) {
            ObjectNode good = body("bad-1");
            expect(outreach(parley, "wrong-token", good), 401, "token");
            expect(outreach(parley, null, good), 401, "Authorization");
            expect(outreach(parley, TOKEN, with(good, b -> b.remove("outreach_id"))), 400, "outreach_id");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("outreach_id", "x".repeat(201)))), 400,
                    "outreach_id");
            expect(outreach(parley, TOKEN, with(good, b -> b.set("user", Json.object()))), 400, "user");
            expect(outreach(parley, TOKEN, with(good, b -> b.remove("user"))), 400, "user");
            expect(outreach(parley, TOKEN, with(good, b -> b.set("user", Json.object().put("email", "not-mail")))),
                    400, "user.email");
            expect(outreach(parley, TOKEN, with(good, b -> b.set("user", Json.object().put("phone", "0151 123")))),
                    400, "user.phone");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("widget", "nope"))), 404, "widget");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("flow", "nope"))), 404, "flow");
            expect(outreach(parley, TOKEN, with(good, b -> {
                b.remove("flow");
                b.put("bot", "nope");
            })), 404, "bot");
            expect(outreach(parley, TOKEN, with(good, b -> b.remove("flow"))), 400, "flow");
            expect(outreach(parley, TOKEN, with(good, b -> {
                b.remove("widget");
                b.put("channel", "whatsapp");
                b.putObject("template").put("name", "winback_offer").put("language", "en");
            })), 404, "channel");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("channel", "whatsapp"))), 400, "widget");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("template", "winback_offer"))), 400, "template");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("message", "x".repeat(5001)))), 400, "message");
            expect(outreach(parley, TOKEN, with(good, b -> ((ObjectNode) b.get("variables"))
                    .put("big", "x".repeat(11 * 1024)))), 413, "variables");
            expect(outreach(parley, TOKEN, with(good, b -> b.put("variables", "text"))), 400, "variables");
            HttpAnswer notJson = http.post(parley.baseUrl() + "/api/integrations/braze/v1/outreach",
                    Map.of("Authorization", "Bearer " + TOKEN), "{nope");
            assertThat(notJson.status()).as("%s", notJson).isEqualTo(400);
            assertThat(count(parley, "conversations")).isZero();
            assertThat(count(parley, "outreaches")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withoutATokenOutreachIsNotSetUp(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace(braze.url(), false), env())) {
            HttpAnswer answer = outreach(parley, TOKEN, body("x"));
            assertThat(answer.status()).as("%s", answer).isEqualTo(404);
            assertThat(answer.json().path("error").path("message").asText())
                    .contains("outreach is not set up: set environments.sandbox.braze.outreach_token_env");
        }
    }

    @Test
    void theOutreachTokenIsNeverShown() {
        BrazeConfig config = new BrazeConfig("https://rest.iad-01.braze.com", "key", 75, Optional.empty(),
                Optional.of(TOKEN));
        assertThat(config.toString()).doesNotContain(TOKEN).contains("outreachToken=****");
    }

    private static void expect(HttpAnswer answer, int status, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        JsonNode error = answer.json().path("error");
        assertThat(error.path("message").asText()).as("%s", answer).contains(field);
        assertThat(error.path("code").asText()).isNotBlank();
    }
}
