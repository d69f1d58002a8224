package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.store.Ids;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimeoutTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();

    static String workspace(String webhook, String timeoutAction, String liveTimeout, int attempts) {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, password_env: PW }]
                auth: { away_after: 1d }
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      timeout: { after: 10m, action: %s }, webhook_retry: { attempts: %d, first_delay: 20ms } }
                widgets: [{ id: web, name: Web, group: support, live_timeout: %s }]
                """.formatted(webhook, timeoutAction, attempts, liveTimeout);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anIdleBotSessionEndsTheConversationWhenTheActionIsEnd(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), "end", "2h", 6),
                        Map.of("PW", "pw"), clock)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("hello");
            clock.advance(Duration.ofMinutes(9));
            contact.say("still here");
            clock.advance(Duration.ofMinutes(9));
            assertThat(contact.transcript()).noneMatch(Items.packet("conversation_ended"));
            clock.advance(Duration.ofMinutes(2));
            JsonNode ended = contact.awaitItem("timeout", Items.packet("conversation_ended"));
            assertThat(ended.path("packet").path("payload").path("reason").asText()).isEqualTo("timeout");
            assertThat(contact.write("too late").status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anIdleBotSessionIsUnassignedToTheInbox(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), "unassign", "2h", 6),
                        Map.of("PW", "pw"), clock)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            clock.advance(Duration.ofMinutes(11));
            JsonNode line = contact.awaitItem("unassigned", Items.packet("conversation_forwarded"));
            assertThat(line.path("packet").path("payload").path("to").path("type").asText()).isEqualTo("inbox");
            assertThat(line.path("packet").path("payload").path("reason").asText()).isEqualTo("timeout");
            assertThat(contact.write("hello?").status()).isEqualTo(202);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anIdleBotSessionIsForwardedToAnOnlineHuman(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), "forward", "2h", 6),
                        Map.of("PW", "pw"), clock)) {
            String token = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"pw\"}").json().path("token").asText();
            http.put(parley.baseUrl() + "/api/v1/operators/me/status", Map.of("Authorization", "Bearer " + token),
                    "{\"status\":\"online\"}");
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            clock.advance(Duration.ofMinutes(11));
            JsonNode line = contact.awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(line.path("packet").path("payload").path("to").path("id").asText()).isEqualTo("ada");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnreachableBotGetsItsTimeoutActionAtOnce(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> new WebhookRecorder.Reply(500, "down"));
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), "end", "2h", 2),
                        Map.of("PW", "pw"), clock)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode ended = contact.awaitItem("ended", Items.packet("conversation_ended"));
            assertThat(ended.path("packet").path("payload").path("reason").asText()).isEqualTo("bot_unavailable");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theLiveTimeoutSurvivesARestart(StoreKind kind) throws Exception {
        String yaml = """
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support, live_timeout: 30m }]
                """;
        try (TestDatabase db = kind.create(temp)) {
            WebContact contact;
            try (Parley first = Parley.start(db.settings(), ConfigLoader.parse(yaml, "parley.yml", Map.of()), clock,
                    Ids.random())) {
                contact = WebContact.open(http, "http://127.0.0.1:" + first.port(), "web");
                contact.say("anyone?");
            }
            clock.advance(Duration.ofMinutes(31));
            try (Parley second = Parley.start(db.settings(), ConfigLoader.parse(yaml, "parley.yml", Map.of()), clock,
                    Ids.random())) {
                WebContact again = contact.at("http://127.0.0.1:" + second.port());
                JsonNode ended = again.awaitItem("live timeout", Items.packet("conversation_ended"));
                assertThat(ended.path("packet").path("payload").path("reason").asText()).isEqualTo("live_timeout");
            }
        }
    }
}
