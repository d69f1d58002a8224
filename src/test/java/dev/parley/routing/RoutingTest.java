package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behavior modes, returning contacts and registration, through HTTP as contacts, bots and operators act. */
class RoutingTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static WebhookRecorder namingBot() {
        return WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("start")) {
                return WebhookRecorder.Reply.empty();
            }
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    {"info": {"cid": "%s"}, "packet": {"name": "contact_update", "payload": {"name": "Zoe"}}}"""
                    .formatted(call.path("info").path("cid").asText())));
        });
    }

    static String workspace(String webhook, String behavior, boolean assignment, boolean widgetRegistration,
            boolean botRegistration, String hours) {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: %s, webhook_url: "%s",
                      registration: %s }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: %s, registration: %s %s }
                """.formatted(behavior, webhook, botRegistration, assignment, widgetRegistration, hours);
    }

    String status(TestParley parley, WebContact contact) {
        String token = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                "{\"email\":\"ada@example.com\",\"password\":\"pw\"}").json().path("token").asText();
        return http.get(parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId(),
                Map.of("Authorization", "Bearer " + token)).json().path("status").asText("hidden");
    }

    void online(TestParley parley) {
        String token = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                "{\"email\":\"ada@example.com\",\"password\":\"pw\"}").json().path("token").asText();
        http.put(parley.baseUrl() + "/api/v1/operators/me/status", Map.of("Authorization", "Bearer " + token),
                "{\"status\":\"online\"}");
    }

    WebContact returning(TestParley parley, WebContact first) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                "{\"contact_token\": \"" + first.token() + "\"}");
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().path("contact_token").asText()).isEqualTo(first.token());
        return WebContact.of(http, parley.baseUrl(), a.json().path("conversation_id").asText(), first.token());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReturningContactGetsANewSessionThatKnowsWhatTheFirstOneSet(StoreKind kind) {
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "firewall", true, false, false, ""), Map.of("PW", "pw"))) {
            WebContact first = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
            first.say("bye");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 2);
            WebContact second = returning(parley, first);
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 3);
            WebhookRecorder.Call start = bot.calls().get(2);
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.cid()).isNotEqualTo(bot.calls().getFirst().cid());
            assertThat(start.info().path("contact").path("name").asText()).isEqualTo("Zoe");
            assertThat(start.info().path("conversation").path("id").asText()).isEqualTo(second.conversationId());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withoutChatbotAssignmentAReturningContactGoesToHumans(StoreKind kind) {
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "firewall", false, false, false, ""), Map.of("PW", "pw"))) {
            WebContact first = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
            WebContact second = returning(parley, first);
            assertThat(status(parley, second)).isEqualTo("inbox");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(bot.calls()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void registrationComesBeforeStartOnlyForBotsInRegistrationMode(StoreKind kind) {
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "firewall", true, true, true, ""), Map.of("PW", "pw"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.awaitItem("card", Items.packet("registration_request"));
            assertThat(contact.write("hi").json().path("error").path("code").asText()).isEqualTo("registration_required");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(bot.calls()).isEmpty();
            HttpAnswer registered = http.post(contact.url("/registration"), contact.auth(),
                    "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}");
            assertThat(registered.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
            assertThat(bot.calls().getFirst().info().path("contact").path("email").asText()).isEqualTo("ann@example.com");
        }
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "firewall", true, true, false, ""), Map.of("PW", "pw"))) {
            WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void backupBotsTakeChatsOnlyWhenNoHumanIsAvailable(StoreKind kind) {
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "backup", true, false, false, ""), Map.of("PW", "pw"))) {
            WebContact whileAway = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
            online(parley);
            WebContact whileOnline = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(status(parley, whileOnline)).isEqualTo("assigned");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(bot.calls()).hasSize(1);
            assertThat(bot.calls().getFirst().info().path("conversation").path("id").asText())
                    .isEqualTo(whileAway.conversationId());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void serviceTimeBotsTakeChatsOnlyOutsideServiceHours(StoreKind kind) {
        String closedAllWeek = ", service_hours: { zone: UTC, mon: \"00:00-00:01\" }";
        String openAllWeek = ", service_hours: { zone: UTC, mon-sun: \"00:00-24:00\" }";
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "service_time", true, false, false, openAllWeek), Map.of("PW", "pw"))) {
            WebContact during = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(status(parley, during)).isEqualTo("inbox");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(bot.calls()).isEmpty();
        }
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "service_time", true, false, false, closedAllWeek), Map.of("PW", "pw"))) {
            WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBotWhoseSlotsAreBusyTakesNoMoreChats(StoreKind kind) {
        String oneSlot = workspace("%s", "firewall", true, false, false, "").replace("registration: false }",
                "registration: false, slots: 1 }");
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                oneSlot.formatted(bot.url()), Map.of("PW", "pw"))) {
            WebContact first = WebContact.open(http, parley.baseUrl(), "web");
            WebContact second = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.calls().size() == 1);
            assertThat(status(parley, second)).isEqualTo("inbox");
            assertThat(bot.calls().getFirst().info().path("conversation").path("id").asText())
                    .isEqualTo(first.conversationId());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void humanModeBotsShareChatsWithHumansLeastLoadedFirst(StoreKind kind) {
        try (WebhookRecorder bot = namingBot(); TestParley parley = TestParley.start(kind, temp,
                workspace(bot.url(), "human", true, false, false, ""), Map.of("PW", "pw"))) {
            online(parley);
            WebContact one = WebContact.open(http, parley.baseUrl(), "web");
            WebContact two = WebContact.open(http, parley.baseUrl(), "web");
            WebContact three = WebContact.open(http, parley.baseUrl(), "web");
            long toBot = java.util.stream.Stream.of(one, two, three).filter(c -> status(parley, c).equals("hidden")
                    || status(parley, c).equals("bot")).count();
            long toHuman = java.util.stream.Stream.of(one, two, three)
                    .filter(c -> status(parley, c).equals("assigned")).count();
            assertThat(toBot).isPositive();
            assertThat(toHuman).isPositive();
        }
    }
}
