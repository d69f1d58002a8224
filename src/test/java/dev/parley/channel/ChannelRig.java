package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MessengerStandIn;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import dev.parley.testing.FreePort;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import dev.parley.app.ServerSettings;
import dev.parley.media.MediaSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real Parley serving a WhatsApp channel {@code wa} and a Messenger channel {@code fb} against their loopback
 * stand-ins, with a loopback bot on the channels' widget that answers what it is sent: {@code echo: <text>}, a
 * {@code bubbles} of N options for "choices N", {@code forward_any} for "human", three messages for "three",
 * a text of about N characters for "long N",
 * {@code clicked <id>} for a click, {@code at <lat>,<lon>} for a location, and {@code got <mime>} and the same file
 * back (Parley's copy, captioned "your picture") for a file.
 */
final class ChannelRig implements AutoCloseable {
    static final String WA_TOKEN = "wa-access-token";
    static final String WA_SECRET = "wa-app-secret";
    static final String FB_TOKEN = "fb-page-token";
    static final String FB_SECRET = "fb-app-secret";

    final JsonHttp http = new JsonHttp();
    final WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
    final MessengerStandIn messenger = MessengerStandIn.start(FB_TOKEN);
    final WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
    /** The clock Parley reads time from: real time until a test moves it (a vendor outage). */
    final MutableClock clock = new MutableClock();
    final TestParley parley;

    ChannelRig(StoreKind kind, Path temp) {
        int port = FreePort.next();
        parley = TestParley.start(kind, temp, """
                public_base_url: "http://127.0.0.1:%d"
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: true }
                channels:
                  - { id: wa, type: whatsapp, widget: web, phone_number_id: "%s", api_base_url: "%s",
                      access_token_env: WA_TOKEN, app_secret_env: WA_SECRET, verify_token_env: WA_VERIFY }
                  - { id: fb, type: messenger, widget: web, api_base_url: "%s",
                      access_token_env: FB_TOKEN, app_secret_env: FB_SECRET, verify_token_env: FB_VERIFY }
                """.formatted(port, bot.url(), MetaWebhooks.PHONE_NUMBER_ID, whatsApp.graph().baseUrl(),
                messenger.graph().baseUrl()),
                Map.of("PW", "pw", "WA_TOKEN", WA_TOKEN, "WA_SECRET", WA_SECRET, "WA_VERIFY", "wa-verify",
                        "FB_TOKEN", FB_TOKEN, "FB_SECRET", FB_SECRET, "FB_VERIFY", "fb-verify"),
                clock, settings -> new ServerSettings(settings.host(), port, settings.dataDir(),
                        settings.databaseUrl(), settings.outboxPollInterval(), new MediaSettings(
                                MediaSettings.DEFAULT_MAX_BYTES, false, Set.of(whatsApp.graph().origin(),
                                messenger.graph().origin())), settings.pluginsDir(), settings.metricsToken(),
                        settings.redis()));
    }

    /** Posts {@code payload} to channel {@code channel}'s webhook, signed with {@code secret}. */
    HttpAnswer post(String channel, String secret, ObjectNode payload) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign(secret, payload);
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of("X-Hub-Signature-256", signed.signature(), "Content-Type", "application/json"),
                new String(signed.body(), StandardCharsets.UTF_8));
    }

    HttpAnswer whatsApp(ObjectNode payload) {
        return post("wa", WA_SECRET, payload);
    }

    HttpAnswer messenger(ObjectNode payload) {
        return post("fb", FB_SECRET, payload);
    }

    static ObjectNode text(String waId, String wamid, String body) {
        return MetaWebhooks.whatsAppMessage(waId, "Zoe", MetaWebhooks.whatsAppMessageOf(wamid, "text",
                Json.object().put("body", body)));
    }

    static ObjectNode buttonReply(String waId, String wamid, String id, String title) {
        ObjectNode interactive = Json.object().put("type", "button_reply");
        interactive.putObject("button_reply").put("id", id).put("title", title);
        return MetaWebhooks.whatsAppMessage(waId, "Zoe", MetaWebhooks.whatsAppMessageOf(wamid, "interactive",
                interactive));
    }

    /** The bodies of the WhatsApp text messages the stand-in took, in order. */
    List<String> whatsAppTexts() {
        return whatsApp.messages().stream().filter(m -> m.path("type").asText().equals("text"))
                .map(m -> m.path("text").path("body").asText()).toList();
    }

    /** The texts of the Messenger messages the stand-in took (quick replies included), in order. */
    List<String> messengerTexts() {
        return messenger.messages().stream().filter(m -> m.path("message").has("text"))
                .map(m -> m.path("message").path("text").asText()).toList();
    }

    /** The timeline items named {@code name} of every conversation, as stored. */
    List<JsonNode> stored(String name) {
        return parley.stored(name);
    }

    int count(String table) {
        return parley.count(table);
    }

    private static WebhookRecorder.Reply answer(JsonNode call) {
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        String text = switch (call.path("packet").path("name").asText()) {
            case "start" -> payload.has("url") ? "/got " + payload.path("mime_type").asText()
                    : payload.path("body").asText("");
            case "message" -> payload.path("body").asText();
            case "click" -> "/clicked " + payload.path("value").path("id").asText();
            case "location" -> "/at " + payload.path("latitude").asDouble() + ","
                    + payload.path("longitude").asDouble();
            case "media" -> "/got " + payload.path("mime_type").asText();
            default -> "";
        };
        if (text.isEmpty()) {
            return WebhookRecorder.Reply.empty();
        }
        if (payload.has("url")) {
            ArrayNode events = Json.array();
            events.add(event(cid, "message", Json.object().put("body", text.substring(1))));
            events.add(event(cid, "media", Json.object().put("url", payload.path("url").asText())
                    .put("caption", "your picture")));
            return WebhookRecorder.Reply.json(events);
        }
        if (text.startsWith("choices ")) {
            ObjectNode bubbles = Json.object().put("body", "Pick one").put("fallback", "Answer with a number:");
            ArrayNode options = bubbles.putArray("options");
            for (int i = 1; i <= Integer.parseInt(text.substring("choices ".length())); i++) {
                options.addObject().put("id", "opt-" + i).put("label", "Option " + i);
            }
            return WebhookRecorder.Reply.json(event(cid, "bubbles", bubbles));
        }
        if (text.startsWith("long ")) {
            StringBuilder body = new StringBuilder();
            for (int i = 1; body.length() < Integer.parseInt(text.substring("long ".length())); i++) {
                body.append(body.isEmpty() ? "" : " ").append("word").append(i);
            }
            return WebhookRecorder.Reply.json(event(cid, "message", Json.object().put("body", body.toString())));
        }
        if (text.equals("human")) {
            return WebhookRecorder.Reply.json(event(cid, "forward_any", Json.object()));
        }
        if (text.equals("three")) {
            ArrayNode events = Json.array();
            List.of("one", "two", "three")
                    .forEach(t -> events.add(event(cid, "message", Json.object().put("body", t))));
            return WebhookRecorder.Reply.json(events);
        }
        String body = text.startsWith("/") ? text.substring(1) : "echo: " + text;
        return WebhookRecorder.Reply.json(event(cid, "message", Json.object().put("body", body)));
    }

    private static ObjectNode event(String cid, String name, ObjectNode payload) {
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", name).set("payload", payload);
        return event;
    }

    @Override
    public void close() {
        parley.close();
        bot.close();
        whatsApp.close();
        messenger.close();
    }
}
