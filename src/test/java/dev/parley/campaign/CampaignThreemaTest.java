package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.standin.ThreemaStandIn;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's campaign bot (Flask, unchanged) over Threema in end-to-end mode: boxed callbacks in, the
 * Gateway stand-in out. Its welcome template shows as the numbered text; the unsubscribe keyword is Parley's.
 */
class CampaignThreemaTest {
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String BOT_API_TOKEN = "campaign-api-token-1";
    private static final String CONTACT = "ECHOECHO";
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String CONFIRMATION = "You are unsubscribed. Send START to subscribe again.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void startSubscribesAndStopUnsubscribesConfirmsAndTellsTheBot(StoreKind kind, @TempDir Path dir)
            throws IOException {
        try (ThreemaStandIn threema = ThreemaStandIn.start();
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl())) {
            ThreemaStandIn.Gateway gateway = threema.gateway("*PARLEY1", "threema-secret", true);
            threema.contact(CONTACT);
            Files.writeString(dir.resolve("threema.key"), gateway.keyFile());
            try (TestParley parley = start(kind, dir, webhook, threema)) {
                accepted(post(parley, threema.textCallback(CONTACT, gateway, "0000000000000001", "start")));
                await().atMost(WAIT).until(() -> threema.texts(CONTACT).size() == 1);
                assertThat(threema.texts(CONTACT).getFirst()).as("the template's fallback and its one option")
                        .isEqualTo("Please click 'start' to subscribe to our campaign.\n1. start");

                accepted(post(parley, threema.textCallback(CONTACT, gateway, "0000000000000002", "start")));
                await().atMost(WAIT).until(() -> threema.texts(CONTACT).contains(SUBSCRIBED));

                accepted(post(parley, threema.textCallback(CONTACT, gateway, "0000000000000003", "  stop ")));
                await().atMost(WAIT).until(() -> threema.texts(CONTACT).contains(CONFIRMATION));
                await().atMost(WAIT).until(() -> webhook.calls().size() == 3);
                WebhookRecorder.Call unsubscribed = webhook.calls().get(2);
                assertThat(unsubscribed.packetName()).isEqualTo("campaign_unsubscribe");
                assertThat(unsubscribed.payload()).isEqualTo(Json.object().put("keyword", "STOP"));
                assertThat(unsubscribed.info().path("contact").path("campaigns").asBoolean(true)).isFalse();
                assertThat(subscription(parley))
                        .containsExactly(Map.of("channel", "threema", "subscribed", 0, "source", "keyword"));
                assertThat(threema.texts(CONTACT).subList(1, 3)).containsExactly(SUBSCRIBED, CONFIRMATION);
            }
        }
    }

    private static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook, ThreemaStandIn threema) {
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
                  - { id: threema, type: threema, widget: website, gateway_id: "*PARLEY1", mode: e2e,
                      api_base_url: "%s", api_secret_env: THREEMA_SECRET, private_key_file: "%s" }
                """.formatted(webhook.url(), WEBHOOK_TOKEN, threema.baseUrl(),
                dir.resolve("threema.key").toString().replace("\\", "/")),
                Map.of("CAMPAIGN_BOT_API_TOKEN", BOT_API_TOKEN, "THREEMA_SECRET", "threema-secret"));
    }

    private HttpAnswer post(TestParley parley, String body) {
        return http.post(parley.baseUrl() + "/channels/threema/webhook",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
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
}
