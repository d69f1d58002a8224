package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.ThreemaStandIn;
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
import java.util.List;
import java.util.Map;

/**
 * A real Parley with three Threema channels against one Gateway stand-in: {@code th} (end-to-end, gateway
 * {@code *PARLEY1}) on a widget whose API bot answers {@code echo: <text>}, a bubbles of N options for "choices N"
 * (and {@code clicked <id>} for a click), about N bytes of "ü"-words for "long N", three messages for "three" and
 * {@code forward_any} for "human"; {@code tf} (end-to-end, {@code *PARLEY3}) on a widget of a flow bot; and
 * {@code tb} (basic mode, {@code *PARLEY2}). The contact {@code ECHOECHO} is known to the stand-in.
 */
final class ThreemaRig implements AutoCloseable {
    static final String CONTACT = "ECHOECHO";
    static final String FLOW = """
            id: greet
            name: Greet
            start: hello
            nodes:
              hello:
                ask: "Hello from the flow! Your name?"
                save: name
                next: thanks
              thanks: { say: "Thanks, {{name}}.", end: true }
            """;

    final JsonHttp http = new JsonHttp();
    final ThreemaStandIn gateway = ThreemaStandIn.start();
    final ThreemaStandIn.Gateway e2e = gateway.gateway("*PARLEY1", "secret-one", true);
    final ThreemaStandIn.Gateway basic = gateway.gateway("*PARLEY2", "secret-two", false);
    final ThreemaStandIn.Gateway flow = gateway.gateway("*PARLEY3", "secret-three", true);
    final WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
    /** The clock Parley reads time from: real time until a test moves it (a vendor outage). */
    final MutableClock clock = new MutableClock();
    final TestParley parley;

    ThreemaRig(StoreKind kind, Path temp) {
        gateway.contact(CONTACT);
        try {
            Files.writeString(temp.resolve("parley1.key"), e2e.keyFile() + "\n");
            Files.writeString(temp.resolve("parley3.key"), flow.keyFile() + "\n");
            Files.writeString(temp.resolve("greet.yml"), FLOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dir = temp.toString().replace("\\", "/");
        parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }, { id: flowers, name: Flowers }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                  - { id: greeter, name: Greeter, group: flowers, type: flow, behavior: firewall, flow: "%s/greet.yml" }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: true }
                  - { id: flowweb, name: Flow, group: flowers }
                channels:
                  - { id: th, type: threema, widget: web, gateway_id: "*PARLEY1", mode: e2e, api_base_url: "%s",
                      api_secret_env: TH_SECRET, private_key_file: "%s/parley1.key" }
                  - { id: tb, type: threema, widget: web, gateway_id: "*PARLEY2", mode: basic, api_base_url: "%s",
                      api_secret_env: TB_SECRET }
                  - { id: tf, type: threema, widget: flowweb, gateway_id: "*PARLEY3", mode: e2e, api_base_url: "%s",
                      api_secret_env: TF_SECRET, private_key_file: "%s/parley3.key" }
                """.formatted(bot.url(), dir, gateway.baseUrl(), dir, gateway.baseUrl(), gateway.baseUrl(), dir),
                Map.of("PW", "pw", "TH_SECRET", e2e.secret(), "TB_SECRET", basic.secret(), "TF_SECRET",
                        flow.secret()), clock);
    }

    /** Posts a callback body to channel {@code channel}'s webhook as the Gateway does. */
    HttpAnswer post(String channel, String body) {
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    /** The contact's text, boxed for {@code *PARLEY1}, to channel {@code th}. */
    HttpAnswer text(String messageId, String text) {
        return post("th", gateway.textCallback(CONTACT, e2e, messageId, text));
    }

    List<String> texts() {
        return gateway.sent().stream().filter(s -> s.from().equals(e2e.id()) && s.type() == 0x01)
                .map(ThreemaStandIn.Sent::text).toList();
    }

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
            case "start" -> payload.has("url") ? "/got " + payload.path("mime_type").asText() + " "
                    + payload.path("caption").asText() : payload.path("body").asText("");
            case "message" -> payload.path("body").asText();
            case "click" -> "/clicked " + payload.path("value").path("id").asText();
            case "media" -> "/got " + payload.path("mime_type").asText() + " " + payload.path("caption").asText();
            default -> "";
        };
        if (text.isEmpty()) {
            return WebhookRecorder.Reply.empty();
        }
        if (payload.has("url")) {
            ArrayNode events = Json.array();
            events.add(event(cid, "message", Json.object().put("body", text.substring(1))));
            events.add(event(cid, "media", Json.object().put("url", payload.path("url").asText())
                    .put("caption", "your file")));
            return WebhookRecorder.Reply.json(events);
        }
        if (text.startsWith("choices ")) {
            ObjectNode bubbles = Json.object().put("body", "Pick one").put("fallback", "Answer with a **number**:")
                    .put("text_format", "markdown_v1");
            ArrayNode options = bubbles.putArray("options");
            for (int i = 1; i <= Integer.parseInt(text.substring("choices ".length())); i++) {
                options.addObject().put("id", "opt-" + i).put("label", "Option " + i);
            }
            return WebhookRecorder.Reply.json(event(cid, "bubbles", bubbles));
        }
        if (text.startsWith("long ")) {
            StringBuilder body = new StringBuilder();
            for (int i = 1; body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    < Integer.parseInt(text.substring("long ".length())); i++) {
                body.append(body.isEmpty() ? "" : " ").append("grüß").append(i);
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
        if (text.equals("bold")) {
            return WebhookRecorder.Reply.json(event(cid, "message", Json.object()
                    .put("body", "**Bold**, _italic_ and ~~gone~~").put("text_format", "markdown_v1")));
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
        gateway.close();
    }
}
