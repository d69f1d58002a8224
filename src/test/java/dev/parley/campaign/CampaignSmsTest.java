package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.channel.standin.TwilioStandIn;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's campaign bot (Flask, unchanged) over SMS. Twilio answers STOP itself (its opt-out
 * handling confirms and blocks the number), so on a channel whose keyword is STOP Parley records the unsubscribe
 * and tells the bot but sends no confirmation of its own; a keyword Twilio does not know is confirmed by Parley.
 */
class CampaignSmsTest {
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String BOT_API_TOKEN = "campaign-api-token-1";
    private static final String ACCOUNT = "AC" + "fedcba9876543210".repeat(2);
    private static final String TOKEN = "twilio-auth-token";
    private static final String PUBLIC = "https://chat.example.com";
    private static final String ZOE = "+4915112345678";
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String CONFIRMATION = "Abgemeldet. START sendet wieder.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void stopUnsubscribesAndTellsTheBotWhileTwilioAloneConfirms(StoreKind kind, @TempDir Path dir) {
        try (TwilioStandIn twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, twilio)) {
            accepted(post(parley, "sms", "SM" + "1".repeat(32), "start"));
            await().atMost(WAIT).until(() -> twilio.bodies().size() == 1);
            assertThat(twilio.bodies().getFirst()).as("the button template's fallback text, numbered")
                    .isEqualTo("Please click 'start' to subscribe to our campaign.\n1. start");
            accepted(post(parley, "sms", "SM" + "2".repeat(32), "start"));
            await().atMost(WAIT).until(() -> twilio.bodies().contains(SUBSCRIBED));
            assertThat(subscription(parley)).containsExactly(Map.of("channel", "sms", "subscribed", 1, "source", "bot"));

            accepted(post(parley, "sms", "SM" + "3".repeat(32), "Stop"));
            await().atMost(WAIT).until(() -> webhook.calls().size() == 3);
            WebhookRecorder.Call unsubscribed = webhook.calls().get(2);
            assertThat(unsubscribed.packetName()).isEqualTo("campaign_unsubscribe");
            assertThat(unsubscribed.payload()).isEqualTo(Json.object().put("keyword", "STOP"));
            assertThat(unsubscribed.info().path("contact").path("campaigns").asBoolean(true)).isFalse();
            assertThat(subscription(parley))
                    .containsExactly(Map.of("channel", "sms", "subscribed", 0, "source", "keyword"));
            await().atMost(WAIT).until(() -> parley.parley().outbox().drained());
            assertThat(twilio.bodies()).as("Twilio confirms STOP; Parley adds no second confirmation")
                    .containsExactly(twilio.bodies().getFirst(), SUBSCRIBED);
            assertThat(timeline(parley)).endsWith("contact message Stop", "system campaign_unsubscribe");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aKeywordTwilioDoesNotKnowIsConfirmedByParley(StoreKind kind, @TempDir Path dir) {
        try (TwilioStandIn twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, twilio)) {
            accepted(post(parley, "sms-de", "SM" + "4".repeat(32), " abmelden "));
            await().atMost(WAIT).until(() -> twilio.bodies().contains(CONFIRMATION));
            assertThat(twilio.delivered().getFirst().form()).containsEntry("To", ZOE)
                    .containsEntry("From", "+4930123456");
            assertThat(subscription(parley))
                    .containsExactly(Map.of("channel", "sms-de", "subscribed", 0, "source", "keyword"));
            assertThat(webhook.calls()).isEmpty();
            int conversations = parley.parley().database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM conversations").mapTo(Integer.class).one());
            assertThat(conversations).isZero();

            accepted(post(parley, "sms-de", "SM" + "5".repeat(32), "start"));
            await().atMost(WAIT).until(() -> twilio.bodies().size() == 2);
            accepted(post(parley, "sms-de", "SM" + "6".repeat(32), "abmelden"));
            await().atMost(WAIT).until(() -> webhook.calls().size() == 2);
            assertThat(webhook.calls().get(1).packetName()).isEqualTo("campaign_unsubscribe");
            await().atMost(WAIT).until(() -> twilio.bodies().size() == 3);
            assertThat(twilio.bodies().get(2)).isEqualTo(CONFIRMATION);
        }
    }

    private static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook, TwilioStandIn twilio) {
        return TestParley.start(kind, dir, """
                public_base_url: "%s"
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
                  - { id: sms, type: sms, widget: website, account_sid: "%s", from: "+15005550006",
                      auth_token_env: TWILIO_TOKEN, api_base_url: "%s" }
                  - { id: sms-de, type: sms, widget: website, account_sid: "%s", from: "+4930123456",
                      auth_token_env: TWILIO_TOKEN, api_base_url: "%s", unsubscribe_keyword: ABMELDEN,
                      unsubscribe_confirmation: "%s" }
                """.formatted(PUBLIC, webhook.url(), WEBHOOK_TOKEN, ACCOUNT, twilio.baseUrl(), ACCOUNT,
                twilio.baseUrl(), CONFIRMATION),
                Map.of("CAMPAIGN_BOT_API_TOKEN", BOT_API_TOKEN, "TWILIO_TOKEN", TOKEN));
    }

    private HttpAnswer post(TestParley parley, String channel, String sid, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("AccountSid", ACCOUNT);
        form.put("From", ZOE);
        form.put("To", channel.equals("sms") ? "+15005550006" : "+4930123456");
        form.put("Body", body);
        form.put("NumMedia", "0");
        String url = PUBLIC + "/channels/" + channel + "/webhook";
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of("X-Twilio-Signature", TwilioStandIn.sign(TOKEN, url, form),
                        "Content-Type", "application/x-www-form-urlencoded"), TwilioStandIn.form(form));
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static List<Map<String, Object>> subscription(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT channel, subscribed, source FROM campaign_subscriptions ORDER BY channel").mapToMap().list())
                .stream().map(row -> Map.<String, Object>of("channel", row.get("channel"),
                        "subscribed", ((Number) row.get("subscribed")).intValue(), "source", row.get("source")))
                .toList();
    }

    /** Every item of the conversations as "author packet [body of the contact's texts]". */
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
}
