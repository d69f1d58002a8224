package dev.parley.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.Scrape;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /metrics} after real conversations: the counters and gauges move with what happened. */
class MetricsTest {
    private static final String TOKEN = "scrape-t0ken";
    private static final Map<String, String> SCRAPER = Map.of("Authorization", "Bearer " + TOKEN);
    private static final JsonHttp HTTP = new JsonHttp();

    @TempDir
    Path temp;

    private static String workspace(String answeringUrl, String failingUrl, String retry) {
        return """
                groups: [{ id: support, name: Support }, { id: down, name: Down }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: echo, name: Echo, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                  - { id: down, name: Down, group: down, type: api, behavior: firewall, webhook_url: "%s",
                      webhook_retry: %s }
                widgets:
                  - { id: web, name: Web, group: support }
                  - { id: broken, name: Broken, group: down }
                """.formatted(answeringUrl, failingUrl, retry);
    }

    /** Answers every contact message with one message of its own. */
    private static WebhookRecorder.Reply echo(Map<String, String> headers, String body) throws Exception {
        JsonNode call = Json.MAPPER.readTree(body);
        if (!call.path("packet").path("name").asText().equals("message")) {
            return WebhookRecorder.Reply.empty();
        }
        return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                {"info": {"cid": "%s"}, "packet": {"name": "message", "payload": {"body": "echo"}}}"""
                .formatted(call.path("info").path("cid").asText())));
    }

    private Parley start(TestDatabase db, String yaml) {
        return Parley.start(db.settings().withMetricsToken(TOKEN),
                ConfigLoader.parse(yaml, "parley.yml", Map.of("PW", "ada-pw")), Clock.systemUTC(), Ids.random());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aConversationMovesTheMessageWebhookAndSocketMeters(StoreKind kind) throws Exception {
        try (WebhookRecorder bot = WebhookRecorder.start(MetricsTest::echo);
                WebhookRecorder down = WebhookRecorder.start((h, b) -> new WebhookRecorder.Reply(500, "{}"));
                TestDatabase db = kind.create(temp);
                Parley parley = start(db, workspace(bot.url(), down.url(), "{ attempts: 2, first_delay: 1h }"))) {
            String base = "http://127.0.0.1:" + parley.port();
            Scrape before = Scrape.of(HTTP, base, SCRAPER);
            assertThat(before.value("parley_messages_total")).isZero();
            assertThat(before.value("parley_websockets_open", Map.of("client", "widget"))).isZero();
            assertThat(before.has("jvm_memory_used_bytes")).isTrue();
            assertThat(before.has("hikaricp_connections")).isTrue();

            WebContact contact = WebContact.open(HTTP, base, "web");
            contact.say("hello");
            contact.awaitBotMessage("echo");
            contact.say("again");
            await().atMost(Duration.ofSeconds(10)).until(() -> contact.transcript().stream()
                    .filter(i -> i.path("packet").path("payload").path("body").asText().equals("echo")).count() == 2);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape s = Scrape.of(HTTP, base, SCRAPER);
                assertThat(s.value("parley_messages_total", Map.of("direction", "in", "channel", "web",
                        "author_type", "contact"))).isEqualTo(2);
                assertThat(s.value("parley_messages_total", Map.of("direction", "out", "channel", "web",
                        "author_type", "bot"))).isEqualTo(2);
                // the conversation's start and the two messages
                assertThat(s.value("parley_webhook_calls_seconds_count", Map.of("bot", "echo", "outcome",
                        "delivered"))).isEqualTo(3);
                assertThat(s.value("parley_webhook_calls_seconds_bucket", Map.of("bot", "echo", "le", "+Inf")))
                        .isEqualTo(3);
                assertThat(s.value("parley_webhook_calls_seconds_sum", Map.of("bot", "echo"))).isPositive();
            });

            WebSocket socket = HTTP.client().newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws")
                    + "/api/web/v1/conversations/" + contact.conversationId() + "/stream?token=" + contact.token()),
                    new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(HTTP, base, SCRAPER)
                    .value("parley_websockets_open", Map.of("client", "widget")) == 1);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(HTTP, base, SCRAPER)
                    .value("parley_websockets_open", Map.of("client", "widget")) == 0);
            // gauges read from the database are sampled at most once a second
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(HTTP, base, SCRAPER)
                    .value("parley_bot_sessions_active") == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingBotShowsInTheOutboxGaugesAndItsOutcomes(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start(MetricsTest::echo);
                WebhookRecorder down = WebhookRecorder.start((h, b) -> new WebhookRecorder.Reply(500, "{}"));
                TestDatabase db = kind.create(temp);
                Parley parley = start(db, workspace(bot.url(), down.url(), "{ attempts: 2, first_delay: 1h }"))) {
            String base = "http://127.0.0.1:" + parley.port();
            WebContact.open(HTTP, base, "broken");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape s = Scrape.of(HTTP, base, SCRAPER);
                // the first of two attempts failed: it will be retried
                assertThat(s.value("parley_webhook_calls_seconds_count", Map.of("bot", "down", "outcome",
                        "retrying"))).isEqualTo(1);
                assertThat(s.value("parley_outbox_depth", Map.of("kind", "webhook"))).isEqualTo(1);
                assertThat(s.value("parley_outbox_oldest_age_seconds", Map.of("kind", "webhook"))).isPositive();
            });
            assertThat(Scrape.of(HTTP, base, SCRAPER).value("parley_outbox_dead_letters", Map.of("kind", "webhook")))
                    .isZero();
        }
        try (WebhookRecorder bot = WebhookRecorder.start(MetricsTest::echo);
                WebhookRecorder down = WebhookRecorder.start((h, b) -> new WebhookRecorder.Reply(500, "{}"));
                TestDatabase db = kind.create(temp.resolve("once"));
                Parley parley = start(db, workspace(bot.url(), down.url(), "{ attempts: 1 }"))) {
            String base = "http://127.0.0.1:" + parley.port();
            WebContact.open(HTTP, base, "broken");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape s = Scrape.of(HTTP, base, SCRAPER);
                assertThat(s.value("parley_outbox_dead_letters", Map.of("kind", "webhook"))).isEqualTo(1);
                assertThat(s.value("parley_outbox_depth", Map.of("kind", "webhook"))).isZero();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void refusedLogInsAndRateLimitsAreCounted(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start(MetricsTest::echo);
                TestDatabase db = kind.create(temp);
                Parley parley = start(db, workspace(bot.url(), bot.url(), "{ attempts: 1 }"))) {
            String base = "http://127.0.0.1:" + parley.port();
            HttpAnswer refused;
            int attempts = 0;
            do {
                refused = HTTP.post(base + "/api/v1/auth/login", Map.of(),
                        "{\"email\":\"ada@example.com\",\"password\":\"wrong\"}");
                attempts++;
            } while (refused.status() == 401 && attempts < 50);
            assertThat(refused.status()).as("%s", refused).isEqualTo(429);

            Scrape s = Scrape.of(HTTP, base, SCRAPER);
            // the refused attempt is turned away before the password is checked: it is no failure
            assertThat(s.value("parley_login_failures_total")).isEqualTo(attempts - 1);
            assertThat(s.value("parley_rate_limited_total", Map.of("route", "/api/v1/auth/login"))).isEqualTo(1);
        }
    }

    @Test
    void aParleyStoppedLeavesNoMetersForTheNextOneInTheSameProcess() {
        try (TestDatabase db = StoreKind.SQLITE.create(temp)) {
            try (Parley first = start(db, workspace("http://127.0.0.1:1/", "http://127.0.0.1:1/", "{attempts: 1}"))) {
                assertThat(Metrics.globalRegistry.getMeters()).isNotEmpty();
            }
            // a Parley started next (the benchmark's next target) adds its registry to an empty composite, which
            // Micrometer would otherwise warn about: meters recorded before the registry came would be lost to it
            assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
            assertThat(Metrics.globalRegistry.getMeters()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theEndpointWantsTheTokenWhenOneIsSet(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start(MetricsTest::echo);
                TestDatabase db = kind.create(temp);
                Parley parley = start(db, workspace(bot.url(), bot.url(), "{ attempts: 1 }"))) {
            String base = "http://127.0.0.1:" + parley.port();
            HttpAnswer none = HTTP.get(base + "/metrics", Map.of());
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.json().path("error").path("code").asText()).isEqualTo("unauthorized");
            assertThat(none.header("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
            assertThat(HTTP.get(base + "/metrics", Map.of("Authorization", "Bearer " + TOKEN + "x")).status())
                    .isEqualTo(401);
            assertThat(HTTP.get(base + "/metrics", Map.of("Authorization", "Basic " + TOKEN)).status())
                    .isEqualTo(401);
            HttpAnswer ok = HTTP.get(base + "/metrics", SCRAPER);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(ok.body()).contains("# HELP parley_outbox_depth", "# TYPE parley_outbox_depth gauge");
        }
    }
}
