package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's campaign bot (Flask, unchanged) over WhatsApp: signed webhooks in, the Cloud API
 * stand-in out. Sign-up by "start", the unsubscribe keyword handled by Parley, and the 24-hour window.
 */
class CampaignWhatsAppTest {
    /** The OUTBOUND_AUTH_TOKEN constant of campaign_bot.py. */
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String BOT_API_TOKEN = "campaign-api-token-1";
    private static final String WA_TOKEN = "wa-access-token";
    private static final String WA_SECRET = "wa-app-secret";
    private static final String WA_ID = "4915112345678";
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String CONFIRMATION = "You are unsubscribed. Send START to subscribe again.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void startSubscribesOnTheChannelAndStopUnsubscribesConfirmsAndTellsTheBot(StoreKind kind, @TempDir Path dir) {
        try (WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, whatsApp, new MutableClock())) {
            accepted(post(parley, text("wamid.1", "start")));
            await().atMost(WAIT).until(() -> whatsApp.messages().size() == 1);
            JsonNode welcome = whatsApp.messages().getFirst();
            assertThat(welcome.path("type").asText()).isEqualTo("interactive");
            assertThat(welcome.path("interactive").path("body").path("text").asText())
                    .isEqualTo("Welcome! Please click 'start' to subscribe to our campaign.");
            WebhookRecorder.Call start = webhook.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("start");
            assertThat(start.info().path("contact").path("campaigns").isNull()).isTrue();

            accepted(post(parley, text("wamid.2", "start")));
            await().atMost(WAIT).until(() -> texts(whatsApp).contains(SUBSCRIBED));
            assertThat(subscription(parley)).containsExactly(Map.of("channel", "wa", "subscribed", 1, "source", "bot"));

            accepted(post(parley, text("wamid.3", "  stop ")));
            await().atMost(WAIT).until(() -> texts(whatsApp).contains(CONFIRMATION));
            await().atMost(WAIT).until(() -> webhook.calls().size() == 3);
            WebhookRecorder.Call unsubscribed = webhook.calls().get(2);
            assertThat(unsubscribed.packetName()).isEqualTo("campaign_unsubscribe");
            assertThat(unsubscribed.payload()).isEqualTo(Json.object().put("keyword", "STOP"));
            assertThat(unsubscribed.info().path("contact").path("campaigns").asBoolean(true)).isFalse();
            assertThat(unsubscribed.reply().status()).isEqualTo(400);
            assertThat(webhook.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message", "campaign_unsubscribe");
            assertThat(subscription(parley))
                    .containsExactly(Map.of("channel", "wa", "subscribed", 0, "source", "keyword"));
            assertThat(texts(whatsApp)).containsExactly(SUBSCRIBED, CONFIRMATION);
            assertThat(timeline(parley)).containsExactly("contact message start", "system assignment",
                    "bot button_template",
                    "contact message start", "bot contact_update", "bot message", "contact message   stop ",
                    "system message", "system campaign_unsubscribe");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theKeywordAsAFirstMessageUnsubscribesAndConfirmsWithoutAConversation(StoreKind kind, @TempDir Path dir) {
        try (WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, whatsApp, new MutableClock())) {
            accepted(post(parley, text("wamid.s1", "Stop")));
            await().atMost(WAIT).until(() -> texts(whatsApp).contains(CONFIRMATION));
            assertThat(whatsApp.messages().getFirst().path("to").asText()).isEqualTo(WA_ID);
            assertThat(subscription(parley))
                    .containsExactly(Map.of("channel", "wa", "subscribed", 0, "source", "keyword"));
            assertThat(count(parley, "conversations")).isZero();
            assertThat(webhook.calls()).isEmpty();
            assertThat(post(parley, text("wamid.s1", "Stop")).json().path("stored").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFreeFormMessageAfterTwentyFourHoursIsRefusedOnTheTimelineAndNotSent(StoreKind kind, @TempDir Path dir) {
        MutableClock clock = new MutableClock();
        try (WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, whatsApp, clock)) {
            accepted(post(parley, text("wamid.w1", "hello")));
            await().atMost(WAIT).until(() -> whatsApp.messages().size() == 1);
            String cid = webhook.calls().getFirst().cid();

            clock.advance(Duration.ofHours(23));
            assertThat(botSays(parley, cid, "still within the day").status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> texts(whatsApp).contains("still within the day"));

            clock.advance(Duration.ofHours(2));
            assertThat(botSays(parley, cid, "a day too late").status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !stored(parley, "channel_error").isEmpty());
            JsonNode error = stored(parley, "channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("outside_service_window");
            assertThat(error.path("reason").asText()).contains("within 24 hours").contains("approved template");
            await().atMost(WAIT).until(() -> parley.parley().outbox().drained());
            assertThat(texts(whatsApp)).doesNotContain("a day too late");
        }
    }

    static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook, WhatsAppStandIn whatsApp,
            MutableClock clock) {
        return TestParley.start(kind, dir, """
                groups: [{ id: support, name: Support }]
                bots:
                  - id: campaignbot
                    name: Campaign Bot
                    group: support
                    type: api
                    behavior: firewall
                    webhook_url: %s
                    webhook_headers: { API-SECURITY-TOKEN: "%s" }
                    api_token_env: CAMPAIGN_BOT_API_TOKEN
                widgets:
                  - { id: website, name: Website, group: support }
                channels:
                  - { id: wa, type: whatsapp, widget: website, phone_number_id: "%s", api_base_url: "%s",
                      access_token_env: WA_TOKEN, app_secret_env: WA_SECRET, verify_token_env: WA_VERIFY }
                """.formatted(webhook.url(), WEBHOOK_TOKEN, MetaWebhooks.PHONE_NUMBER_ID, whatsApp.graph().baseUrl()),
                Map.of("CAMPAIGN_BOT_API_TOKEN", BOT_API_TOKEN, "WA_TOKEN", WA_TOKEN, "WA_SECRET", WA_SECRET,
                        "WA_VERIFY", "wa-verify"), clock);
    }

    static ObjectNode text(String wamid, String body) {
        return MetaWebhooks.whatsAppMessage(WA_ID, "Zoe", MetaWebhooks.whatsAppMessageOf(wamid, "text",
                Json.object().put("body", body)));
    }

    HttpAnswer post(TestParley parley, ObjectNode payload) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign(WA_SECRET, payload);
        return http.post(parley.baseUrl() + "/channels/wa/webhook",
                Map.of("X-Hub-Signature-256", signed.signature(), "Content-Type", "application/json"),
                new String(signed.body(), StandardCharsets.UTF_8));
    }

    private HttpAnswer botSays(TestParley parley, String cid, String body) {
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", "message").putObject("payload").put("body", body);
        return http.post(parley.baseUrl() + "/api/chatbot/v1/bots/campaignbot/events",
                Map.of("SECURITY-TOKEN", BOT_API_TOKEN, "Content-Type", "application/json"), Json.write(event));
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static List<String> texts(WhatsAppStandIn whatsApp) {
        return whatsApp.messages().stream().filter(m -> m.path("type").asText().equals("text"))
                .map(m -> m.path("text").path("body").asText()).toList();
    }

    private static List<Map<String, Object>> subscription(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT channel, subscribed, source FROM campaign_subscriptions ORDER BY channel").mapToMap().list())
                .stream().map(row -> Map.<String, Object>of("channel", row.get("channel"),
                        "subscribed", ((Number) row.get("subscribed")).intValue(), "source", row.get("source")))
                .toList();
    }

    /** Every item of the one conversation as "author packet [body]". */
    private static List<String> timeline(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT author_type, packet_name, payload FROM timeline ORDER BY seq").mapToMap().list()).stream()
                .map(row -> {
                    JsonNode payload = Json.parseStoredObject((String) row.get("payload"));
                    String line = row.get("author_type") + " " + row.get("packet_name");
                    return row.get("author_type").equals("contact") && payload.has("body")
                            ? line + " " + payload.path("body").asText() : line;
                }).toList();
    }

    static List<JsonNode> stored(TestParley parley, String name) {
        return parley.stored(name);
    }

    static int count(TestParley parley, String table) {
        return parley.count(table);
    }
}
