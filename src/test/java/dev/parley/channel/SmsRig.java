package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.TwilioStandIn;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Parley behind a proxy ({@code public_base_url} is {@link #PUBLIC}, not the loopback address Parley
 * listens on) serving two SMS channels of one Twilio account against the Twilio stand-in: {@code sms} on a widget
 * whose API bot answers {@code echo: <text>}, a {@code bubbles} of N options for "choices N", a text of about N
 * characters for "long N", {@code forward_any} for "human", three messages for "three", markdown for "markdown",
 * {@code clicked <id>} for a click and {@code got <mime>} with a link to the file for a file; and
 * {@code sms-flow}, whose widget is served by the flow bot {@link #FLOW}.
 */
final class SmsRig implements AutoCloseable {
    static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    static final String TOKEN = "twilio-auth-token";
    static final String NUMBER = "+15005550006";
    static final String FLOW_NUMBER = "+15005550007";
    static final String PUBLIC = "https://chat.example.com/parley";
    static final String FLOW = """
            id: intake
            name: Intake
            start: welcome
            nodes:
              welcome:
                say: "Hi! What do you need?"
                choices:
                  - { id: status, label: "Delivery status", next: ask_email }
                  - { id: other, label: "Something else", next: bye }
              ask_email: { ask: "Your e-mail address?", save: email, next: done }
              done: { say: "Thanks, **{{email}}**, see [the status page](https://example.com/s).",
                      text_format: markdown_v1, end: true }
              bye: { say: "Bye.", end: true }
            """;

    final JsonHttp http = new JsonHttp();
    final TwilioStandIn twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
    final WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
    /** The clock Parley reads time from: real time until a test moves it (a vendor outage). */
    final MutableClock clock = new MutableClock();
    final TestParley parley;

    SmsRig(StoreKind kind, Path temp) {
        Path flow = temp.resolve("intake.yml");
        try {
            Files.writeString(flow, FLOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parley = TestParley.start(kind, temp, """
                public_base_url: "%s"
                groups: [{ id: support, name: Support }, { id: desk, name: Desk }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                  - { id: intake, name: Intake, group: desk, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: true }
                  - { id: desk, name: Desk, group: desk }
                channels:
                  - { id: sms, type: sms, widget: web, account_sid: "%s", from: "%s", auth_token_env: TWILIO_TOKEN,
                      api_base_url: "%s" }
                  - { id: sms-flow, type: sms, widget: desk, account_sid: "%s", from: "%s",
                      auth_token_env: TWILIO_TOKEN, api_base_url: "%s" }
                """.formatted(PUBLIC, bot.url(), flow.toString().replace("\\", "/"), ACCOUNT, NUMBER,
                twilio.baseUrl(), ACCOUNT, FLOW_NUMBER, twilio.baseUrl()),
                Map.of("PW", "pw", "TWILIO_TOKEN", TOKEN), clock);
    }

    /** The public webhook URL of {@code channel}, which Twilio calls (through the proxy) and signs. */
    static String webhookUrl(String channel) {
        return PUBLIC + "/channels/" + channel + "/webhook";
    }

    /** An incoming SMS's parameters as Twilio posts them. */
    static Map<String, String> smsForm(String sid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", NUMBER);
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", ACCOUNT);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** A status callback's parameters. */
    static Map<String, String> status(String sid, String to, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", to);
        form.put("MessageSid", sid);
        form.put("AccountSid", ACCOUNT);
        form.put("From", NUMBER);
        form.put("ApiVersion", "2010-04-01");
        if (!errorCode.isEmpty()) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    /** Posts {@code form} to channel {@code channel}'s webhook as Twilio does: signed over the public URL. */
    HttpAnswer post(String channel, Map<String, String> form) {
        return post(channel, form, TwilioStandIn.sign(TOKEN, webhookUrl(channel), form));
    }

    HttpAnswer post(String channel, Map<String, String> form, String signature) {
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of("X-Twilio-Signature", signature, "Content-Type", "application/x-www-form-urlencoded"),
                TwilioStandIn.form(form));
    }

    HttpAnswer sms(String sid, String from, String body) {
        return post("sms", smsForm(sid, from, body));
    }

    /** The bodies Twilio took for {@code to}, in order. */
    List<String> texts(String to) {
        return twilio.delivered().stream().filter(t -> t.form().get("To").equals(to)).map(TwilioStandIn.Taken::body)
                .toList();
    }

    List<JsonNode> stored(String name) {
        return parley.stored(name);
    }

    int count(String table) {
        return parley.count(table);
    }

    String outboundStatus(String sid) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT status FROM channel_outbound WHERE vendor_message_id = :id").bind("id", sid)
                .mapTo(String.class).one());
    }

    private static WebhookRecorder.Reply answer(JsonNode call) {
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        String text = switch (call.path("packet").path("name").asText()) {
            case "start", "message" -> payload.has("url") ? "/got " + payload.path("mime_type").asText()
                    : payload.path("body").asText("");
            case "click" -> "/clicked " + payload.path("value").path("id").asText();
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
        return switch (text) {
            case "human" -> WebhookRecorder.Reply.json(event(cid, "forward_any", Json.object()));
            case "three" -> {
                ArrayNode events = Json.array();
                List.of("one", "two", "three")
                        .forEach(t -> events.add(event(cid, "message", Json.object().put("body", t))));
                yield WebhookRecorder.Reply.json(events);
            }
            case "markdown" -> WebhookRecorder.Reply.json(event(cid, "message", Json.object()
                    .put("body", "**Bold**, _italic_ and ~~gone~~: see [the docs](https://example.com/d)")
                    .put("text_format", "markdown_v1")));
            default -> WebhookRecorder.Reply.json(event(cid, "message", Json.object()
                    .put("body", text.startsWith("/") ? text.substring(1) : "echo: " + text)));
        };
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
        twilio.close();
    }
}
