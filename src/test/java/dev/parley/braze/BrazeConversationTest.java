package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.BrazeStandIn.Mode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Braze in a running Parley: the widget's after_conversation rule and a braze add-on when conversations
 * end, and the dead letters admins see and re-send over the admin API.
 */
class BrazeConversationTest {
    private static final JsonHttp HTTP = new JsonHttp();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> ENV = Map.of("BRAZE_KEY", BrazeRig.KEY, "TOKEN", "bee-token",
            "PW", "ada-pw", "PW2", "bob-pw");

    @TempDir
    Path temp;

    private static String yaml(String brazeUrl, String botUrl) {
        return BrazeRig.environments(brazeUrl, 75) + """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, role: agent, password_env: PW2 }
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets:
                  - id: web
                    name: Web Shop
                    group: support
                    braze:
                      after_conversation:
                        attributes: [first_name, last_name, email, dob, home_city]
                        identify_by: external_id
                addons:
                  - { name: braze, type: braze, event: chat_summary, attributes: [email], identify_by: [phone, email] }
                """.formatted(botUrl);
    }

    private record Running(TestParley parley, WebhookRecorder bot, BrazeStandIn braze, MutableClock clock)
            implements AutoCloseable {
        static Running start(StoreKind kind, Path temp) {
            MutableClock clock = new MutableClock();
            BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY, clock);
            WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
            return new Running(TestParley.start(kind, temp, yaml(braze.url(), bot.url()), ENV, clock), bot, braze,
                    clock);
        }

        /** Opens a conversation and answers the bot's session id. */
        String open() {
            int before = bot.calls().size();
            WebContact.open(HTTP, parley.baseUrl(), "web");
            await().atMost(WAIT).until(() -> bot.calls().size() > before);
            return bot.calls().get(before).cid();
        }

        HttpAnswer send(String cid, String... packets) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < packets.length; i++) {
                body.append(i == 0 ? "" : ",").append("{\"info\":{\"cid\":\"").append(cid).append("\"},\"packet\":")
                        .append(packets[i]).append("}");
            }
            return HTTP.post(parley.baseUrl() + "/api/chatbot/v1/bots/b/events", Map.of("SECURITY-TOKEN", "bee-token"),
                    body.append("]").toString());
        }

        Map<String, String> login(String email, String password) {
            String token = HTTP.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").json().path("token").asText();
            return Map.of("Authorization", "Bearer " + token);
        }

        @Override
        public void close() {
            parley.close();
            bot.close();
            braze.close();
        }
    }

    private static String event(String name, String payload) {
        return "{\"name\":\"" + name + "\",\"payload\":" + payload + "}";
    }

    private static final String CONTACT = event("contact_update", """
            {"name": "Ana Lopez", "email": "ana@example.com", "external_customer_id": "cust-1",
             "custom_fields": {"dob": "1990-04-02", "home_city": "Austin"}}""");

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEndedConversationSendsTheWidgetsEventAndTheContactsAttributes(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            String cid = r.open();
            assertThat(r.send(cid, CONTACT, event("conversation_update", "{\"topics\":[\"billing\"]}"),
                    event("message", "{\"body\":\"Done!\"}"), event("end", "{}")).status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> !r.braze().tracked().isEmpty());
            JsonNode body = r.braze().tracked().getFirst().body();
            assertThat(body.path("attributes")).singleElement().satisfies(a -> assertThat(a).isEqualTo(
                    BrazeRig.json("""
                            {"external_id": "cust-1", "first_name": "Ana", "last_name": "Lopez",
                             "email": "ana@example.com", "dob": "1990-04-02", "home_city": "Austin"}""")));
            JsonNode ended = body.path("events").get(0);
            assertThat(ended.path("external_id").asText()).isEqualTo("cust-1");
            assertThat(ended.path("name").asText()).isEqualTo("conversation_ended");
            assertThat(ended.path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*(Z|[+-]\\d{2}:\\d{2})");
            JsonNode properties = ended.path("properties");
            assertThat(properties.path("topic").asText()).isEqualTo("billing");
            assertThat(properties.path("outcome").asText()).isEqualTo("end");
            assertThat(properties.path("channel").asText()).isEqualTo("web");
            assertThat(properties.path("handled_by").asText()).isEqualTo("bot");
            assertThat(properties.path("duration_s").isIntegralNumber()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBrazeAddOnDispatchSendsItsOwnEventWhenTheConversationEnds(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            String cid = r.open();
            assertThat(r.send(cid, CONTACT, event("addon_dispatch", "{\"type\":\"braze\"}")).status()).isEqualTo(200);
            assertThat(r.send(cid, event("end", "{}")).status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> r.braze().tracked().stream()
                    .mapToInt(t -> t.body().path("events").size()).sum() == 2);
            List<JsonNode> events = r.braze().tracked().stream()
                    .flatMap(t -> java.util.stream.StreamSupport.stream(t.body().path("events").spliterator(), false))
                    .toList();
            assertThat(events).extracting(e -> e.path("name").asText())
                    .containsExactlyInAnyOrder("chat_summary", "conversation_ended");
            JsonNode summary = events.stream().filter(e -> e.path("name").asText().equals("chat_summary")).findFirst()
                    .orElseThrow();
            assertThat(summary.path("email").asText()).as("no phone, so the e-mail names the user")
                    .isEqualTo("ana@example.com");
            assertThat(summary.path("properties").path("handled_by").asText()).isEqualTo("bot");
            String status = r.parley().parley().database().read(h -> h.createQuery(
                    "SELECT status FROM dispatches WHERE kind = 'addon'").mapTo(String.class).one());
            assertThat(status).isEqualTo("delivered");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void refusedObjectsAreListedForAdminsAndCanBeResentCorrected(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            r.braze().mode(Mode.BAD_REQUEST);
            String cid = r.open();
            assertThat(r.send(cid, CONTACT, event("end", "{}")).status()).isEqualTo(200);
            String list = r.parley().baseUrl() + "/api/v1/integrations/braze/dead-letters";
            Map<String, String> admin = r.login("ada@example.com", "ada-pw");
            await().atMost(WAIT).until(() -> HTTP.get(list, admin).json().path("items").size() == 2);

            HttpAnswer listed = HTTP.get(list, admin);
            assertThat(listed.status()).isEqualTo(200);
            JsonNode letter = listed.json().path("items").valueStream()
                    .filter(l -> !l.path("objects").path("events").isEmpty()).findFirst().orElseThrow();
            assertThat(letter.path("status").asInt()).isEqualTo(400);
            assertThat(letter.path("message").asText()).isEqualTo("provided external_id is blacklisted and disallowed");
            assertThat(letter.path("errors").get(0).asText()).isEqualTo("the stand-in refuses every request");
            assertThat(letter.path("objects").path("events").get(0).path("name").asText())
                    .isEqualTo("conversation_ended");
            assertThat(listed.body()).doesNotContain(BrazeRig.KEY);
            assertThat(HTTP.get(list, r.login("bob@example.com", "bob-pw")).status()).isEqualTo(403);
            assertThat(HTTP.get(list, Map.of()).status()).isEqualTo(401);

            String resend = list + "/" + letter.path("id").asText() + "/resend";
            HttpAnswer invalid = HTTP.post(resend, admin,
                    "{\"events\":[{\"external_id\":\"cust-1\",\"name\":\"x\",\"time\":\"yesterday\"}]}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().path("error").path("message").asText())
                    .startsWith("events[0]: time: 'yesterday' is not an ISO 8601 time");
            assertThat(invalid.json().path("error").path("path").asText()).isEqualTo("events[0]");
            assertThat(HTTP.post(resend, admin, "{\"event\":[]}").json().path("error").path("message").asText())
                    .isEqualTo("unknown key 'event'; the body takes attributes, events and purchases");
            assertThat(HTTP.post(list + "/bzd_nope/resend", admin, "").status()).isEqualTo(404);

            r.braze().mode(Mode.ACCEPT);
            HttpAnswer resent = HTTP.post(resend, admin,
                    "{\"events\":[{\"external_id\":\"cust-1\",\"name\":\"conversation_ended_fixed\"}]}");
            assertThat(resent.status()).as("%s", resent).isEqualTo(202);
            assertThat(resent.json().path("queued").asInt()).isEqualTo(1);
            await().atMost(WAIT).until(() -> r.braze().tracked().size() == 1);
            assertThat(r.braze().tracked().getFirst().body().path("events").get(0).path("name").asText())
                    .isEqualTo("conversation_ended_fixed");
            assertThat(HTTP.post(resend, admin, "").status()).isEqualTo(409);
            assertThat(HTTP.get(list, admin).json().path("items")).as("the attributes' letter is left").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRefusedKeyIsAnAlertForAdminsAndEveryDeadLetterCanBeResentAtOnce(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Map<String, String> admin = r.login("ada@example.com", "ada-pw");
            String alerts = r.parley().baseUrl() + "/api/v1/integrations/braze/alerts";
            String list = r.parley().baseUrl() + "/api/v1/integrations/braze/dead-letters";
            assertThat(HTTP.get(alerts, admin).json().path("items")).isEmpty();

            r.braze().mode(Mode.UNAUTHORIZED);
            assertThat(r.send(r.open(), CONTACT, event("end", "{}")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> HTTP.get(alerts, admin).json().path("items").size() == 1);
            JsonNode alert = HTTP.get(alerts, admin).json().path("items").get(0);
            assertThat(alert.path("kind").asText()).isEqualTo("auth");
            assertThat(alert.path("message").asText()).startsWith("Braze refused the API key with HTTP 401")
                    .contains("sending is paused").doesNotContain(BrazeRig.KEY);
            assertThat(HTTP.get(list, admin).json().path("items")).as("nothing dead-lettered").isEmpty();
            assertThat(HTTP.get(alerts, r.login("bob@example.com", "bob-pw")).status()).isEqualTo(403);
            assertThat(HTTP.get(alerts, Map.of()).status()).isEqualTo(401);

            r.braze().mode(Mode.BAD_REQUEST);
            assertThat(r.send(r.open(), CONTACT, event("end", "{}")).status()).isEqualTo(200);
            r.clock().advance(AnswerRecorder.AUTH_PROBE.plusSeconds(1));
            await().atMost(WAIT).until(() -> HTTP.get(list, admin).json().path("items").size() == 4);

            r.braze().mode(Mode.ACCEPT);
            HttpAnswer resent = HTTP.post(list + "/resend", admin, "");
            assertThat(resent.status()).as("%s", resent).isEqualTo(202);
            assertThat(resent.json().path("queued").asInt()).isEqualTo(4);
            await().atMost(WAIT).until(() -> r.braze().tracked().stream().mapToInt(BrazeStandIn.Taken::objects)
                    .sum() == 4);
            assertThat(HTTP.get(list, admin).json().path("items")).isEmpty();
            assertThat(HTTP.post(list + "/resend", r.login("bob@example.com", "bob-pw"), "").status()).isEqualTo(403);
        }
    }
}
