package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.channel.standin.TelegramStandIn;
import dev.parley.channel.standin.TelegramWebhooks;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's campaign bot (Flask, unchanged) on Telegram: its welcome {@code button_template} is an
 * inline keyboard whose "start" button subscribes the chat, and the unsubscribe keyword is handled by Parley
 * (unsubscribed, confirmed on Telegram, {@code campaign_unsubscribe} to the bot, which declines it with a 400).
 */
class TelegramCampaignTest {
    /** The OUTBOUND_AUTH_TOKEN constant of campaign_bot.py. */
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String TOKEN = "555000111:AAcampaignBotTokenForTelegramTests";
    private static final String SECRET = "campaign-secret";
    private static final long CHAT = 3333333L;
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String CONFIRMATION = "You are unsubscribed. Send START to subscribe again.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theStartButtonSubscribesAndStopUnsubscribesConfirmsAndTellsTheBot(StoreKind kind, @TempDir Path dir) {
        try (TelegramStandIn telegram = TelegramStandIn.start(TOKEN);
                WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = TestParley.start(kind, dir, """
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
                          - { id: tg, type: telegram, widget: website, api_base_url: "%s",
                              bot_token_env: TG_TOKEN, secret_token_env: TG_SECRET }
                        """.formatted(webhook.url(), WEBHOOK_TOKEN, telegram.baseUrl()),
                        Map.of("TG_TOKEN", TOKEN, "TG_SECRET", SECRET))) {
            accepted(post(parley, TelegramWebhooks.text(1, CHAT, "/start")));
            await().atMost(WAIT).until(() -> telegram.sent().size() == 1);
            JsonNode welcome = telegram.sent().getFirst();
            assertThat(welcome.path("text").asText())
                    .isEqualTo("Welcome! Please click 'start' to subscribe to our campaign.");
            JsonNode button = welcome.path("reply_markup").path("inline_keyboard").get(0).get(0);
            assertThat(button.path("text").asText()).isEqualTo("start");

            accepted(post(parley, TelegramWebhooks.callback(2, CHAT, "q-start", welcome,
                    button.path("callback_data").asText())));
            await().atMost(WAIT).until(() -> telegram.texts().contains(SUBSCRIBED));
            assertThat(telegram.calls("answerCallbackQuery")).hasSize(1);
            assertThat(subscriptions(parley)).containsExactly("tg subscribed=1 source=bot");

            accepted(post(parley, TelegramWebhooks.text(3, CHAT, " Stop ")));
            await().atMost(WAIT).until(() -> telegram.texts().contains(CONFIRMATION));
            await().atMost(WAIT).until(() -> webhook.calls().size() == 3);
            WebhookRecorder.Call unsubscribed = webhook.calls().get(2);
            assertThat(unsubscribed.packetName()).isEqualTo("campaign_unsubscribe");
            assertThat(unsubscribed.payload()).isEqualTo(Json.object().put("keyword", "STOP"));
            assertThat(unsubscribed.reply().status()).isEqualTo(400);
            assertThat(webhook.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "campaign_unsubscribe");
            assertThat(subscriptions(parley)).containsExactly("tg subscribed=0 source=keyword");
            assertThat(telegram.texts()).containsExactly(welcome.path("text").asText(), SUBSCRIBED, CONFIRMATION);
            assertThat(telegram.calls("sendMessage")).allSatisfy(m -> assertThat(m.path("chat_id").asText())
                    .isEqualTo(String.valueOf(CHAT)));
        }
    }

    private HttpAnswer post(TestParley parley, com.fasterxml.jackson.databind.node.ObjectNode update) {
        return http.post(parley.baseUrl() + "/channels/tg/webhook", Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET,
                "Content-Type", "application/json"), Json.write(update));
    }

    private static List<String> subscriptions(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT channel, subscribed, source FROM campaign_subscriptions ORDER BY channel").mapToMap().list())
                .stream().map(row -> row.get("channel") + " subscribed=" + ((Number) row.get("subscribed")).intValue()
                        + " source=" + row.get("source")).toList();
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
