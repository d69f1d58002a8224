package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.FlaskBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's two Flask bots, unchanged, meet what they were not written for: an upload
 * (the campaign bot answers 400 "Invalid packet name") and an e-mail address typed in words (the
 * name/e-mail bot's contact_update is invalid). The contact always gets the bot's valid replies.
 */
class ReferenceBotsSurviveTest {
    private static final String SUBSCRIBED = "You've been subscribed to the campaign!";
    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    static Path logs;
    private static FlaskBot campaign;
    private static FlaskBot nameEmail;
    private final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void startBots() {
        campaign = FlaskBot.start("campaign_bot", logs);
        nameEmail = FlaskBot.start("name_email_bot_intended", logs);
    }

    @AfterAll
    static void stopBots() {
        campaign.close();
        nameEmail.close();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUploadTheCampaignBotDeclinesIsNotRetriedAndItsNextMessageGoesOutAtOnce(StoreKind kind,
            @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(campaign.webhookUrl());
                TestParley parley = TestParley.start(kind, dir, BotWorkspace.firewallBot("campaignbot", webhook.url(),
                        "your-outbound-auth-token", "CAMPAIGN_TOKEN"), Map.of("CAMPAIGN_TOKEN", "campaign-api-1"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            contact.awaitItem("welcome", Items.fromBot("button_template"));

            HttpAnswer upload = contact.upload("receipt.png", "image/png", PNG);
            assertThat(upload.status()).as("%s", upload).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.calls().size() == 2);
            assertThat(webhook.calls().get(1).packetName()).isEqualTo("media");
            assertThat(webhook.calls().get(1).reply().status()).isEqualTo(400);

            long before = System.nanoTime();
            contact.say("start");
            contact.awaitBotMessage(SUBSCRIBED);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the declined upload holds nothing back")
                    .isLessThan(Duration.ofSeconds(5));

            StoredState stored = new StoredState(parley);
            String cid = webhook.calls().getFirst().cid();
            assertThat(webhook.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "media", "message");
            assertThat(stored.deliveriesOf(cid)).filteredOn(row -> "media".equals(row.get("event_name")))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("outcome")).isEqualTo("declined");
                        assertThat(((Number) row.get("status_code")).intValue()).isEqualTo(400);
                        assertThat((String) row.get("response_body")).contains("Invalid packet name");
                    });
            assertThat(stored.statusOf(contact.conversationId())).isEqualTo("bot");
            assertThat(stored.sessionStatusOf(cid)).isEqualTo("active");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEmailTypedInWordsCostsTheContactNeitherTheThanksNorTheForward(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(nameEmail.webhookUrl());
                TestParley parley = TestParley.start(kind, dir, BotWorkspace.firewallBot("namebot", webhook.url(),
                        "d8facdb0-7510-495c-9d6e-8c22b9260e7a", "NAME_TOKEN"), Map.of("NAME_TOKEN", "name-api-1"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            contact.awaitBotMessage("Welcome! I am a Bot. What is your name?");
            contact.say("Zoe");
            contact.awaitBotMessage("Hello Zoe! Could you tell me your email as well?");

            contact.say("zoe at example dot com");

            JsonNode thanks = contact.awaitBotMessage("Thanks! I'll forward you to a human now...");
            JsonNode forwarded = contact.awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("seq").asLong()).isGreaterThan(thanks.path("seq").asLong());
            StoredState stored = new StoredState(parley);
            String cid = webhook.calls().getFirst().cid();
            assertThat(stored.contactOf(contact.conversationId())).containsEntry("name", "Zoe")
                    .containsEntry("email", null);
            assertThat(stored.statusOf(contact.conversationId())).isEqualTo("inbox");
            List<Map<String, Object>> log = stored.deliveriesOf(cid);
            assertThat(log).filteredOn(row -> "invalid_event_skipped".equals(row.get("outcome"))).singleElement()
                    .satisfies(row -> {
                        assertThat(row.get("event_name")).isEqualTo("contact_update");
                        assertThat((String) row.get("error")).startsWith("[0].packet.payload.email")
                                .contains("'zoe at example dot com' is not an e-mail address");
                    });
            assertThat(log).filteredOn(row -> "message".equals(row.get("event_name"))).extracting(r -> r.get("outcome"))
                    .containsExactly("delivered", "delivered");
        }
    }
}
