package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.CustomStandIn;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import dev.parley.webhook.WebhookSigner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's campaign bot (Flask, unchanged) over a custom channel: sign-up by "start", and the
 * unsubscribe keyword handled by Parley (confirmation to the integration, {@code campaign_unsubscribe} to the bot),
 * also as a first message without a conversation.
 */
class CampaignCustomTest {
    /** The OUTBOUND_AUTH_TOKEN constant of campaign_bot.py. */
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String TOKEN = "custom-token";
    private static final String USER = "u-7";
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String CONFIRMATION = "You are unsubscribed. Send START to subscribe again.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void startSubscribesAndStopUnsubscribesConfirmsAndTellsTheBot(StoreKind kind, @TempDir Path dir) {
        try (CustomStandIn integration = CustomStandIn.start(TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, integration)) {
            accepted(post(parley, text("k-1", "start")));
            await().atMost(WAIT).until(() -> integration.delivered().size() == 1);
            CustomStandIn.Taken welcome = integration.delivered().getFirst();
            assertThat(welcome.packetName()).isEqualTo("button_template");
            assertThat(welcome.payload().path("body").asText())
                    .isEqualTo("Welcome! Please click 'start' to subscribe to our campaign.");
            String token = welcome.payload().path("options").get(0).path("id").asText();
            String label = welcome.payload().path("options").get(0).path("label").asText();

            ObjectNode click = call("k-2", "click", Json.object());
            click.withObject("/packet/payload").putObject("value").put("id", token).put("label", label);
            accepted(post(parley, click));
            await().atMost(WAIT).until(() -> integration.texts().contains(SUBSCRIBED));
            assertThat(webhook.calls().get(1).packetName()).isEqualTo("click");

            accepted(post(parley, text("k-3", "  stop ")));
            await().atMost(WAIT).until(() -> integration.texts().contains(CONFIRMATION));
            await().atMost(WAIT).until(() -> webhook.calls().size() == 3);
            WebhookRecorder.Call unsubscribed = webhook.calls().get(2);
            assertThat(unsubscribed.packetName()).isEqualTo("campaign_unsubscribe");
            assertThat(unsubscribed.payload()).isEqualTo(Json.object().put("keyword", "STOP"));
            assertThat(unsubscribed.info().path("contact").path("campaigns").asBoolean(true)).isFalse();
            assertThat(subscribed(parley)).isEqualTo(Map.of("channel", "cu", "subscribed", 0, "source", "keyword"));
            assertThat(integration.texts()).containsExactly(welcome.text(), SUBSCRIBED, CONFIRMATION);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theKeywordAsAFirstMessageUnsubscribesAndConfirmsWithoutAConversation(StoreKind kind, @TempDir Path dir) {
        try (CustomStandIn integration = CustomStandIn.start(TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook, integration)) {
            accepted(post(parley, text("s-1", "Stop")));
            await().atMost(WAIT).until(() -> integration.texts().contains(CONFIRMATION));
            CustomStandIn.Taken confirmation = integration.delivered().getFirst();
            assertThat(confirmation.body().path("user").path("id").asText()).isEqualTo(USER);
            assertThat(confirmation.idempotencyKey()).isNotBlank();
            assertThat(subscribed(parley)).isEqualTo(Map.of("channel", "cu", "subscribed", 0, "source", "keyword"));
            assertThat(CampaignWhatsAppTest.count(parley, "conversations")).isZero();
            assertThat(webhook.calls()).isEmpty();
            assertThat(post(parley, text("s-1", "Stop")).json().path("stored").asInt()).isZero();
        }
    }

    private static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook, CustomStandIn integration) {
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
                widgets:
                  - { id: website, name: Website, group: support }
                channels:
                  - { id: cu, type: custom, widget: website, outbound_url: "%s", token_env: CU_TOKEN }
                """.formatted(webhook.url(), WEBHOOK_TOKEN, integration.url()), Map.of("CU_TOKEN", TOKEN));
    }

    private static ObjectNode call(String id, String name, ObjectNode payload) {
        ObjectNode call = Json.object().put("id", id);
        call.putObject("user").put("id", USER).put("name", "Zoe");
        call.put("sent_at", Instant.now().toString());
        call.putObject("packet").put("name", name).set("payload", payload);
        return call;
    }

    private static ObjectNode text(String id, String body) {
        return call(id, "message", Json.object().put("body", body));
    }

    private HttpAnswer post(TestParley parley, ObjectNode call) {
        String raw = Json.write(call);
        return http.post(parley.baseUrl() + "/channels/cu/webhook",
                Map.of(WebhookSigner.HEADER, WebhookSigner.header(TOKEN, raw, Instant.now())), raw);
    }

    private static Map<String, Object> subscribed(TestParley parley) {
        Map<String, Object> row = parley.parley().database().read(h -> h.createQuery(
                "SELECT channel, subscribed, source FROM campaign_subscriptions").mapToMap().one());
        return Map.of("channel", row.get("channel"), "subscribed", ((Number) row.get("subscribed")).intValue(),
                "source", row.get("source"));
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
