package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.FlaskBot;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference document's name/e-mail bot (Flask, unchanged) against Parley: the literal file, whose
 * first {@code start} branch forwards at once, and the intended one that asks for name and e-mail.
 */
class NameEmailSampleBotTest {
    /** The OUTBOUND_AUTH_TOKEN constant of both name_email_bot files. */
    private static final String WEBHOOK_TOKEN = "d8facdb0-7510-495c-9d6e-8c22b9260e7a";

    @TempDir
    static Path logs;
    private static FlaskBot literal;
    private static FlaskBot intended;
    private final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void startBots() {
        literal = FlaskBot.start("name_email_bot", logs);
        intended = FlaskBot.start("name_email_bot_intended", logs);
    }

    @AfterAll
    static void stopBots() {
        literal.close();
        intended.close();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void literalBotForwardsAtStartAndHearsNoMore(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(literal.webhookUrl());
                TestParley parley = start(kind, dir, webhook)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);

            JsonNode forwarded = contact.awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("packet").path("payload").path("to").path("type").asText()).isEqualTo("inbox");
            assertThat(webhook.calls()).singleElement().satisfies(call -> {
                assertThat(call.packetName()).isEqualTo("start");
                assertThat(call.reply().status()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(call.reply().body()).path("packet").path("name").asText())
                        .isEqualTo("forward_any");
            });
            String cid = webhook.calls().getFirst().cid();
            StoredState stored = new StoredState(parley);
            assertThat(stored.sessionStatusOf(cid)).isEqualTo("ended");
            assertThat(stored.statusOf(contact.conversationId())).isEqualTo("inbox");

            contact.say("Hello?");
            assertThat(contact.transcript()).noneMatch(item -> item.path("author").path("type").asText().equals("bot"));
            stored.assertBotHearsNothingMore(webhook, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void intendedBotAsksNameAndEmailKeepingStateInTheContext(StoreKind kind, @TempDir Path dir) {
        try (WebhookRecorder webhook = WebhookRecorder.proxyTo(intended.webhookUrl());
                TestParley parley = start(kind, dir, webhook)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), BotWorkspace.WIDGET);
            StoredState stored = new StoredState(parley);

            contact.awaitBotMessage("Welcome! I am a Bot. What is your name?");
            String cid = webhook.calls().getFirst().cid();
            assertThat(webhook.calls().getFirst().info().path("context")).isEqualTo(Json.object());

            contact.say("Ada Lovelace");
            contact.awaitBotMessage("Hello Ada Lovelace! Could you tell me your email as well?");
            WebhookRecorder.Call name = webhook.calls().get(1);
            assertThat(name.packetName()).isEqualTo("message");
            assertThat(name.info().path("context")).isEqualTo(Json.object().put("state", "name"));
            assertThat(stored.contactOf(contact.conversationId())).containsEntry("name", "Ada Lovelace");
            assertThat(stored.contextOf(cid)).isEqualTo(Json.object().put("state", "email"));

            contact.say("ada@example.com");
            JsonNode thanks = contact.awaitBotMessage("Thanks! I'll forward you to a human now...");
            JsonNode forwarded = contact.awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(forwarded.path("seq").asLong()).isGreaterThan(thanks.path("seq").asLong());
            WebhookRecorder.Call email = webhook.calls().get(2);
            assertThat(email.info().path("context")).isEqualTo(Json.object().put("state", "email"));
            assertThat(email.info().path("contact").path("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(stored.contactOf(contact.conversationId())).containsEntry("email", "ada@example.com");
            assertThat(stored.contextOf(cid)).as("empty contexts of the last answer leave the stored one")
                    .isEqualTo(Json.object().put("state", "email"));
            assertThat(stored.sessionStatusOf(cid)).isEqualTo("ended");

            contact.say("Still there?");
            stored.assertBotHearsNothingMore(webhook, 3);
        }
    }

    private static TestParley start(StoreKind kind, Path dir, WebhookRecorder webhook) {
        return TestParley.start(kind, dir,
                BotWorkspace.firewallBot("namebot", webhook.url(), WEBHOOK_TOKEN, "NAME_BOT_API_TOKEN"),
                Map.of("NAME_BOT_API_TOKEN", "name-api-token-1"));
    }
}
