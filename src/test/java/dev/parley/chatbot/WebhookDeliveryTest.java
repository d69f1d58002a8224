package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HexHmac;
import dev.parley.testing.Items;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.Scrape;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookDeliveryTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static String workspace(String url, int attempts) {
        return """
                groups: [{ id: support, name: Support }]
                bots:
                  - id: hookbot
                    name: Hook Bot
                    group: support
                    type: api
                    behavior: firewall
                    webhook_url: %s
                    webhook_headers: { API-SECURITY-TOKEN: "${HOOK_TOKEN}", X-Tenant: acme }
                    webhook_retry: { attempts: %d, first_delay: 50ms }
                    request_timeout: 2s
                    signing_secret_env: HOOK_SIGNING
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(url, attempts);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void failedCallsAreRetriedWithTheSameEventIdAndConfiguredHeaders(StoreKind kind) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> calls.incrementAndGet() <= 2
                ? new WebhookRecorder.Reply(503, "busy") : WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), 6),
                        Map.of("HOOK_TOKEN", "hook-secret", "HOOK_SIGNING", "sign-me"))) {
            WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.calls().size() == 3);
            List<WebhookRecorder.Call> all = bot.calls();
            assertThat(all).extracting(WebhookRecorder.Call::eventId).containsOnly(all.getFirst().eventId());
            assertThat(all).extracting(WebhookRecorder.Call::attempt).containsExactly(1, 2, 3);
            assertThat(all.getFirst().headers()).containsEntry("api-security-token", "hook-secret")
                    .containsEntry("x-tenant", "acme").containsEntry("content-type", "application/json");
            String signature = all.getFirst().headers().get("parley-signature");
            assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
            String t = signature.substring(2, signature.indexOf(','));
            assertThat(signature).endsWith("v1=" + HexHmac.of("sign-me", t + "." + all.getFirst().rawBody()));
            JsonNode info = all.getFirst().info();
            assertThat(info.path("cid").asText()).matches("chatbot::hookbot:[0-9a-f]{32}");
            assertThat(info.path("approach_mode").asText()).isEqualTo("normal");
            assertThat(info.path("context").isObject()).isTrue();
            assertThat(info.path("conversation").path("contact_channel").path("type").asText()).isEqualTo("web");
            assertThat(info.path("widget").path("group").path("id").asText()).isEqualTo("support");
            assertThat(info.path("contact").has("custom_fields")).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(parley).size() == 3);
            assertThat(deliveries(parley)).containsExactly("1:retrying:503", "2:retrying:503", "3:delivered:200");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDeclinedEventIsNotRetriedWhileA408IsAndTheLastFailedAttemptSaysFailed(StoreKind kind) {
        AtomicInteger messages = new AtomicInteger();
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> switch (Json.MAPPER.readTree(body)
                .path("packet").path("name").asText()) {
            case "start" -> new WebhookRecorder.Reply(404, "{\"error\":\"no such route\"}");
            default -> messages.incrementAndGet() == 1 ? new WebhookRecorder.Reply(408, "slow") : new WebhookRecorder.Reply(
                    503, "down");
        }); TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), 3),
                Map.of("HOOK_TOKEN", "t", "HOOK_SIGNING", "s"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.calls().size() == 1);
            contact.say("hello");
            contact.awaitItem("forward to inbox", Items.packet("conversation_forwarded"));
            assertThat(bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message", "message", "message");
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(parley).size() == 4);
            assertThat(deliveries(parley)).containsExactly("1:declined:404", "1:retrying:408", "2:retrying:503",
                    "3:failed:503");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnreachableBotHandsTheConversationToTheInboxAfterItsRetries(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> new WebhookRecorder.Reply(500, "down"));
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), 3),
                        Map.of("HOOK_TOKEN", "t", "HOOK_SIGNING", "s"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode line = contact.awaitItem("forward to inbox", Items.packet("conversation_forwarded"));
            assertThat(line.path("packet").path("payload").path("to").path("type").asText()).isEqualTo("inbox");
            assertThat(bot.calls()).hasSize(3);
            contact.say("anyone there?");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(bot.calls()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLongPollReturnsAsSoonAsTheBotAnswers(StoreKind kind) throws Exception {
        // the bot answers only once the contact's long poll waits, so the poll must be woken by the answer
        CountDownLatch pollWaits = new CountDownLatch(1);
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return WebhookRecorder.Reply.empty();
            }
            pollWaits.await(30, TimeUnit.SECONDS);
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    {"info": {"cid": "%s"}, "packet": {"name": "message", "payload": {"body": "late"}}}"""
                    .formatted(call.path("info").path("cid").asText())));
        }); TestParley parley = TestParley.start(kind, temp, workspace(bot.url(), 3), Map.of("HOOK_TOKEN", "t", "HOOK_SIGNING", "s"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            long seq = contact.say("ping").path("seq").asLong();
            CompletableFuture<HttpAnswer> poll = CompletableFuture.supplyAsync(() ->
                    http.get(contact.url("/messages?after=" + seq + "&wait=20"), contact.auth()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(http, parley.baseUrl())
                    .value("parley_live_listeners") == 1);
            long t0 = System.nanoTime();
            pollWaits.countDown();
            JsonNode page = poll.get(20, TimeUnit.SECONDS).json();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(page.path("items")).hasSize(1);
            assertThat(page.path("items").get(0).path("packet").path("payload").path("body").asText()).isEqualTo("late");
            assertThat(ms).as("woken by the answer, not by the end of its 20 s wait").isLessThan(10_000);
            JsonNode empty = http.get(contact.url("/messages?after=" + page.path("last_seq").asLong() + "&wait=1"),
                    contact.auth()).json();
            assertThat(empty.path("items")).isEmpty();
        }
    }

    private static List<String> deliveries(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                        "SELECT attempt, outcome, status_code FROM deliveries ORDER BY id")
                .map((rs, ctx) -> rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getInt(3)).list());
    }
}
