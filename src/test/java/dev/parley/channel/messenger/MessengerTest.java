package dev.parley.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.ChoicePrompt.Form;
import dev.parley.channel.meta.GraphOutcome;
import dev.parley.channel.meta.HubSignature;
import dev.parley.channel.meta.SignatureCheck;
import dev.parley.channel.meta.WebhookParse;
import dev.parley.channel.standin.MessengerStandIn;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messenger webhooks, the Send API client and the form chooser against a stand-in that checks what Meta checks. */
class MessengerTest {
    private static final String TOKEN = "EAAPage-token";
    private static final String PSID = "1254477777772919";
    private final MessengerStandIn meta = MessengerStandIn.start(TOKEN);
    private final MessengerClient client = new MessengerClient(meta.graph().baseUrl(), TOKEN, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        meta.close();
    }

    private static List<MessengerInbound> events(String field, String eventJson) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign("messenger-secret",
                MetaWebhooks.messenger(PSID, field, Json.parseStoredObject(eventJson)));
        assertThat(new HubSignature("messenger-secret").check(signed.body(), Optional.of(signed.signature())))
                .isEqualTo(new SignatureCheck.Valid());
        return ((WebhookParse.Parsed<MessengerInbound>) MessengerWebhook.parse(signed.body())).events();
    }

    @Test
    void messagesQuickRepliesPostbacksDeliveriesAndReadsAreRead() {
        MessengerInbound.Envelope envelope = new MessengerInbound.Envelope(MetaWebhooks.PAGE_ID, PSID, "m_1",
                Instant.ofEpochMilli(1458692752478L));
        assertThat(events("message", "{\"mid\":\"m_1\",\"text\":\"hello\"}"))
                .containsExactly(new MessengerInbound.Text(envelope, "hello"));
        assertThat(events("message", "{\"mid\":\"m_1\",\"text\":\"Red\",\"quick_reply\":{\"payload\":\"c.tok1\"}}"))
                .containsExactly(new MessengerInbound.QuickReply(envelope, "Red", "c.tok1"));
        assertThat(events("message", "{\"mid\":\"m_1\",\"attachments\":[{\"type\":\"image\",\"payload\":"
                + "{\"url\":\"https://scontent.example/p.jpg\"}}]}")).containsExactly(new MessengerInbound.Attachments(
                        envelope, List.of(new MessengerInbound.Attachment("image", "https://scontent.example/p.jpg"))));
        assertThat(events("postback", "{\"mid\":\"m_1\",\"title\":\"Start Chatting\",\"payload\":\"c.tok2\"}"))
                .containsExactly(new MessengerInbound.Postback(envelope, "Start Chatting", "c.tok2"));
        assertThat(events("delivery", "{\"mids\":[\"m_9\"],\"watermark\":1458668856253}")).containsExactly(
                new MessengerInbound.Delivery(MetaWebhooks.PAGE_ID, PSID, List.of("m_9"), Instant.ofEpochMilli(1458668856253L)));
        assertThat(events("read", "{\"watermark\":1458668856253}")).containsExactly(
                new MessengerInbound.Read(MetaWebhooks.PAGE_ID, PSID, Instant.ofEpochMilli(1458668856253L)));
        assertThat(events("message", "{\"mid\":\"m_1\",\"is_echo\":true,\"text\":\"ours\",\"app_id\":1}")).isEmpty();
    }

    @Test
    void badBodiesAreRejectedNamingTheField() {
        WebhookParse<MessengerInbound> parse = MessengerWebhook.parse(("{\"object\":\"page\",\"entry\":[{\"messaging\":"
                + "[{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":1,\"message\":{\"text\":\"x\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(parse).isEqualTo(new WebhookParse.Rejected<>("entry[0].messaging[0].message.mid: is required"));
        assertThat(MessengerWebhook.parse("{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new WebhookParse.Rejected<>("object: must be \"page\""));
    }

    private String sent(ObjectNode request) {
        GraphOutcome<String> outcome = client.send(request);
        assertThat(outcome).isInstanceOf(GraphOutcome.Done.class);
        return ((GraphOutcome.Done<String>) outcome).value();
    }

    @Test
    void longTextIsSplitUnder2000CharactersAndEachPartGetsItsMid() {
        List<ObjectNode> parts = MessengerRequests.texts(PSID, "**Hello** " + "word ".repeat(700));
        assertThat(parts).hasSize(2);
        assertThat(parts.stream().map(this::sent).distinct()).hasSize(2).allSatisfy(mid -> assertThat(mid).startsWith("m_"));
        assertThat(meta.messages().get(0).at("/message/text").asText()).startsWith("*Hello* word");
        assertThat(meta.graph().taken().get(0).headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
    }

    private static ChoicePrompt prompt(Form form, int options, String label) {
        return new ChoicePrompt(form, "Pick a **color**", Optional.of("Colors"), Optional.of("Shop"), "Colors:",
                IntStream.rangeClosed(1, options).mapToObj(i -> new ChoicePrompt.Option("c.tok" + i, label + i,
                        Optional.empty())).toList());
    }

    @Test
    void choicesBecomeButtonTemplatesQuickRepliesOrNumberedText() {
        MessengerChoices.render(PSID, prompt(Form.BUBBLES, 3, "Red ")).forEach(this::sent);
        assertThat(meta.messages().get(0).at("/message/attachment/payload/buttons/2/payload").asText()).isEqualTo("c.tok3");
        MessengerChoices.render(PSID, prompt(Form.BUBBLES, 13, "Red ")).forEach(this::sent);
        assertThat(meta.messages().get(1).at("/message/quick_replies").size()).isEqualTo(13);
        MessengerChoices.render(PSID, prompt(Form.BUBBLES, 14, "Red ")).forEach(this::sent);
        assertThat(meta.messages().get(2).at("/message/text").asText()).startsWith("Colors:\n1. Red 1").endsWith("14. Red 14");
        MessengerChoices.render(PSID, prompt(Form.BUTTON_TEMPLATE, 2, "Red ")).forEach(this::sent);
        assertThat(meta.messages().get(3).at("/message/attachment/payload/text").asText())
                .isEqualTo("Colors\n\nPick a *color*\n\nShop");
        MessengerChoices.render(PSID, prompt(Form.LIST_TEMPLATE, 5, "A label over twenty chars ")).forEach(this::sent);
        assertThat(meta.messages().get(4).at("/message/text").asText()).startsWith("Colors:\n1.");
    }

    @Test
    void limitBreaksArePermanentAndServerTroubleIsRetried() {
        ObjectNode tooLong = MessengerRequests.request(PSID, new MessengerMessage.Text("x"));
        ((ObjectNode) tooLong.path("message")).put("text", "y".repeat(2000));
        GraphOutcome<String> refused = client.send(tooLong);
        assertThat(refused).isInstanceOf(GraphOutcome.Permanent.class);
        assertThat(((GraphOutcome.Permanent<String>) refused).error().code()).isEqualTo(100);
        meta.graph().failWith(500, 2, "An unexpected error has occurred. Please retry your request later.");
        assertThat(client.send(MessengerRequests.texts(PSID, "hi").get(0))).isInstanceOf(GraphOutcome.Retry.class);
        meta.graph().failWith(400, 1200, "Temporary send message failure. Please try again later");
        assertThat(client.send(MessengerRequests.texts(PSID, "hi").get(0))).isInstanceOf(GraphOutcome.Retry.class);
        meta.graph().failWith(400, 551, "This person isn't available right now.");
        assertThat(client.send(MessengerRequests.texts(PSID, "hi").get(0))).isInstanceOf(GraphOutcome.Permanent.class);
    }
}
