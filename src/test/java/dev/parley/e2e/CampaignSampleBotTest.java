package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.SampleBot;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reference document's campaign bot (Flask, unchanged) against Parley, through a recording proxy. */
class CampaignSampleBotTest {
    /** The OUTBOUND_AUTH_TOKEN constant of campaign_bot.py. */
    private static final String WEBHOOK_TOKEN = "your-outbound-auth-token";
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    private static final String REDIRECT = "I don't understand this, I will redirect you to support.";

    @RegisterExtension
    static final SampleBot flask = SampleBot.of("campaign_bot");
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void clickingStartSubscribesTheContactToTheCampaign(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            JsonNode welcome = contact.awaitItem("welcome choice", Items.fromBot("button_template"));
            assertThat(welcome.path("packet").path("payload").path("body").asText())
                    .isEqualTo("Welcome! Please click 'start' to subscribe to our campaign.");
            assertThat(welcome.path("packet").path("payload").path("options"))
                    .containsExactly(Json.object().put("id", "start").put("label", "start"));

            assertThat(contact.click(welcome.path("id").asText(), "start").status()).isEqualTo(202);

            JsonNode confirmation = contact.awaitBotMessage(SUBSCRIBED);
            assertThat(confirmation.path("seq").asLong()).isGreaterThan(welcome.path("seq").asLong());
            assertThat(webhook.calls()).extracting(WebhookRecorder.Call::packetName).containsExactly("start", "click");
            assertThat(webhook.calls().get(1).payload().path("value"))
                    .isEqualTo(Json.object().put("id", "start").put("label", "start"));
            assertThat(webhook.calls()).allSatisfy(call -> assertThat(call.reply().status()).isEqualTo(200));
            assertThat(new StoredState(parley).campaignsOf(contact.conversationId()))
                    .isEqualTo(Json.object().put("web", true));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void typingStartSubscribesAndTheNextWebhookCarriesTheSubscription(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            contact.awaitItem("welcome choice", Items.fromBot("button_template"));
            assertThat(webhook.calls().getFirst().info().path("contact").path("campaigns").isNull()).isTrue();

            contact.say("start");
            contact.awaitBotMessage(SUBSCRIBED);
            assertThat(new StoredState(parley).campaignsOf(contact.conversationId()))
                    .isEqualTo(Json.object().put("web", true));

            contact.say("and now?");
            contact.awaitBotMessage(REDIRECT);
            WebhookRecorder.Call third = webhook.calls().get(2);
            assertThat(third.packetName()).isEqualTo("message");
            assertThat(third.info().path("contact").path("campaigns").asBoolean(false)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void unknownTextIsForwardedToTheInboxAndTheBotHearsNoMore(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(flask.webhookUrl());
                TestParley parley = start(kind, dir, webhook)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            contact.awaitItem("welcome choice", Items.fromBot("button_template"));

            contact.say("what is this?");
            JsonNode redirect = contact.awaitBotMessage(REDIRECT);
            JsonNode forwarded = contact.awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("seq").asLong()).isGreaterThan(redirect.path("seq").asLong());
            assertThat(forwarded.path("author").path("type").asText()).isEqualTo("system");
            assertThat(forwarded.path("packet").path("payload").path("to").path("type").asText()).isEqualTo("inbox");
            StoredState stored = new StoredState(parley);
            assertThat(stored.statusOf(contact.conversationId())).isEqualTo("inbox");
            assertThat(stored.campaignsOf(contact.conversationId())).isEqualTo(Json.object());

            contact.say("hello? anyone?");
            contact.awaitItem("late message stored", Items.fromContact("message").and(Items.body("hello? anyone?")));
            stored.assertBotHearsNothingMore(webhook, 2);
        }
    }

    private static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook) {
        return TestParley.start(kind, dir,
                BotWorkspace.firewallBot("campaignbot", webhook.url(), WEBHOOK_TOKEN, "CAMPAIGN_BOT_API_TOKEN"),
                Map.of("CAMPAIGN_BOT_API_TOKEN", "campaign-api-token-1"));
    }
}
