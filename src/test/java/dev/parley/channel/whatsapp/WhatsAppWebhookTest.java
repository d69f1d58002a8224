package dev.parley.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.HubSignature;
import dev.parley.channel.meta.SignatureCheck;
import dev.parley.channel.meta.WebhookParse;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WhatsApp webhooks in Meta's documented shapes become typed events; other bodies are named precisely. */
class WhatsAppWebhookTest {
    private static final String SECRET = "app_secret_for_tests";

    private static List<WhatsAppInbound> events(ObjectNode payload) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign(SECRET, payload);
        assertThat(new HubSignature(SECRET).check(signed.body(), Optional.of(signed.signature())))
                .isEqualTo(new SignatureCheck.Valid());
        WebhookParse<WhatsAppInbound> parse = WhatsAppWebhook.parse(signed.body());
        assertThat(parse).isInstanceOf(WebhookParse.Parsed.class);
        return ((WebhookParse.Parsed<WhatsAppInbound>) parse).events();
    }

    private static ObjectNode message(String type, String objectJson) {
        return MetaWebhooks.whatsAppMessage("16505551234", "Sheena Nelson",
                MetaWebhooks.whatsAppMessageOf("wamid.X", type, Json.parseStoredObject(objectJson)));
    }

    private static WhatsAppInbound.Envelope envelope(Optional<String> context) {
        return new WhatsAppInbound.Envelope(MetaWebhooks.PHONE_NUMBER_ID, "16505551234", Optional.of("Sheena Nelson"),
                "wamid.X", Instant.ofEpochSecond(1739321024), context);
    }

    @Test
    void textImageAndLocationMessagesAreRead() {
        assertThat(events(message("text", "{\"body\":\"Hi, where is my order?\"}")))
                .containsExactly(new WhatsAppInbound.Text(envelope(Optional.empty()), "Hi, where is my order?"));
        assertThat(events(message("image", "{\"caption\":\"Broken item\",\"mime_type\":\"image/jpeg\","
                + "\"sha256\":\"81d3bd8a\",\"id\":\"2754859441498128\",\"url\":\"https://lookaside.example/x\"}")))
                .containsExactly(new WhatsAppInbound.Media(envelope(Optional.empty()), WhatsAppInbound.MediaKind.IMAGE,
                        "2754859441498128", Optional.of("image/jpeg"), Optional.of("81d3bd8a"),
                        Optional.of("Broken item"), Optional.empty()));
        assertThat(events(message("location", "{\"latitude\":37.44221496582,\"longitude\":-122.16138806343,"
                + "\"name\":\"Philz Coffee\",\"address\":\"101 Forest Ave\",\"url\":\"https://philzcoffee.com\"}")))
                .containsExactly(new WhatsAppInbound.Location(envelope(Optional.empty()), 37.44221496582,
                        -122.16138806343, Optional.of("Philz Coffee"), Optional.of("101 Forest Ave"),
                        Optional.of("https://philzcoffee.com")));
    }

    @Test
    void buttonListAndTemplateRepliesKeepTheirIdsAndTheMessageTheyAnswer() {
        ObjectNode button = message("interactive", "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"c.tok1\","
                + "\"title\":\"Cancel\"}}");
        ((ObjectNode) button.at("/entry/0/changes/0/value/messages/0")).putObject("context")
                .put("from", "15550783881").put("id", "wamid.PROMPT");
        assertThat(events(button)).containsExactly(
                new WhatsAppInbound.ButtonReply(envelope(Optional.of("wamid.PROMPT")), "c.tok1", "Cancel"));
        assertThat(events(message("interactive", "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"c.tok2\","
                + "\"title\":\"Priority Mail Express\",\"description\":\"Next Day to 2 Days\"}}")))
                .containsExactly(new WhatsAppInbound.ListReply(envelope(Optional.empty()), "c.tok2",
                        "Priority Mail Express", Optional.of("Next Day to 2 Days")));
        assertThat(events(message("button", "{\"payload\":\"STOP_PROMOS\",\"text\":\"Stop promotions\"}")))
                .containsExactly(new WhatsAppInbound.TemplateButton(envelope(Optional.empty()), "STOP_PROMOS",
                        "Stop promotions"));
        assertThat(events(message("reaction", "{\"message_id\":\"wamid.Y\",\"emoji\":\"👍\"}")))
                .containsExactly(new WhatsAppInbound.Unsupported(envelope(Optional.empty()), "reaction", List.of()));
    }

    @Test
    void statusesCarryTheirErrorsAndCallbackData() {
        ObjectNode status = Json.parseStoredObject("{\"id\":\"wamid.S\",\"status\":\"failed\",\"timestamp\":\"1750857384\","
                + "\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"campaign-42\",\"pricing\":{\"billable\":false},"
                + "\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\","
                + "\"error_data\":{\"details\":\"More than 24 hours have passed\"},\"href\":\"https://developers.facebook.com\"}]}");
        assertThat(events(MetaWebhooks.whatsAppStatus(status))).containsExactly(new WhatsAppInbound.Status(
                MetaWebhooks.PHONE_NUMBER_ID, "wamid.S", WhatsAppInbound.StatusKind.FAILED, "16505551234",
                Instant.ofEpochSecond(1750857384), List.of(new WhatsAppError(131047, "Re-engagement message",
                        Optional.of("Re-engagement message"), Optional.of("More than 24 hours have passed"))),
                Optional.of("campaign-42")));
        ObjectNode played = Json.parseStoredObject("{\"id\":\"wamid.S\",\"status\":\"played\",\"timestamp\":\"1\","
                + "\"recipient_id\":\"16505551234\"}");
        assertThat(events(MetaWebhooks.whatsAppStatus(played))).as("newer statuses are skipped").isEmpty();
    }

    @Test
    void topLevelErrorsAreAnEvent() {
        ObjectNode payload = MetaWebhooks.whatsAppStatus(Json.parseStoredObject("{\"id\":\"wamid.S\",\"status\":\"sent\","
                + "\"timestamp\":\"1\",\"recipient_id\":\"1\"}"));
        ObjectNode value = (ObjectNode) payload.at("/entry/0/changes/0/value");
        value.putArray("errors").addObject().put("code", 131051).put("title", "Unsupported message type");
        assertThat(events(payload)).hasSize(2).last().isEqualTo(new WhatsAppInbound.Errors(MetaWebhooks.PHONE_NUMBER_ID,
                List.of(new WhatsAppError(131051, "Unsupported message type", Optional.empty(), Optional.empty()))));
    }

    @Test
    void badBodiesAreRejectedNamingTheFieldAndRule() {
        assertThat(rejection("{\"object\":")).startsWith("the body is not JSON: ");
        assertThat(rejection("[1]")).isEqualTo("the body must be a JSON object");
        assertThat(rejection("{\"object\":\"page\",\"entry\":[]}"))
                .isEqualTo("object: must be \"whatsapp_business_account\"");
        ObjectNode noBody = message("text", "{\"bodi\":\"x\"}");
        assertThat(rejection(Json.write(noBody))).isEqualTo("entry[0].changes[0].value.messages[0].text.body: is required");
        ObjectNode badTime = message("text", "{\"body\":\"x\"}");
        ((ObjectNode) badTime.at("/entry/0/changes/0/value/messages/0")).put("timestamp", "yesterday");
        assertThat(rejection(Json.write(badTime)))
                .isEqualTo("entry[0].changes[0].value.messages[0].timestamp: must be Unix seconds, such as \"1739321024\"");
    }

    private static String rejection(String body) {
        WebhookParse<WhatsAppInbound> parse = WhatsAppWebhook.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(parse).isInstanceOf(WebhookParse.Rejected.class);
        return ((WebhookParse.Rejected<WhatsAppInbound>) parse).detail();
    }
}
