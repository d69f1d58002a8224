package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.app.ServerSettings;
import dev.parley.channel.standin.CustomStandIn;
import dev.parley.json.Json;
import dev.parley.media.MediaSettings;
import dev.parley.testing.FreePort;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import dev.parley.webhook.WebhookSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real Parley with two custom channels against one loopback integration ({@link CustomStandIn}): {@code cu}
 * on the widget {@code web}, whose API bot answers what it is sent ({@code echo: <text>}, a {@code bubbles} of N
 * options for "choices N", {@code forward_any} for "human", three messages for "three", markdown for "md",
 * {@code clicked <id>} for a click, {@code at <lat>,<lon>} for a location, {@code got <mime>} and the same file
 * back (Parley's copy, captioned "your picture") for a file), and {@code cf} on the widget
 * {@code fw}, whose flow bot asks for an order number (the contact's first message, which rides in {@code start},
 * answers it), then asks with a choice and answers in markdown. The integration's side posts signed
 * calls with {@link #post}.
 */
final class CustomRig implements AutoCloseable {
    static final String TOKEN = "custom-channel-token";
    static final String FLOW = """
            id: intake
            name: Intake
            start: welcome
            nodes:
              welcome: { ask: "Hi {{contact.name | default: 'there'}}! Your order number?", save: order, next: menu }
              menu:
                say: "Order {{order}}: what do you need?"
                choices:
                  - { id: status, label: "Delivery status", next: ask_email }
                  - { id: human, label: "Talk to support", next: bye }
              ask_email: { ask: "Your e-mail address?", save: email, next: done }
              done:
                say: "Thanks, **{{email}}**."
                text_format: markdown_v1
                end: true
              bye: { say: "Someone will write to you.", end: true }
            """;

    final JsonHttp http = new JsonHttp();
    final CustomStandIn integration = CustomStandIn.start(TOKEN);
    final WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
    /** The clock Parley reads time from: real time until a test moves it (a vendor outage). */
    final MutableClock clock = new MutableClock();
    final TestParley parley;

    CustomRig(StoreKind kind, Path temp) {
        Path flow = temp.resolve("intake.yml");
        try {
            Files.createDirectories(temp);
            Files.writeString(flow, FLOW);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int port = FreePort.next();
        parley = TestParley.start(kind, temp, """
                public_base_url: "http://127.0.0.1:%d"
                groups: [{ id: support, name: Support }, { id: flows, name: Flows }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                  - { id: intake, name: Intake, group: flows, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support }
                  - { id: fw, name: Flow widget, group: flows }
                channels:
                  - { id: cu, type: custom, widget: web, outbound_url: "%s", token_env: CU_TOKEN }
                  - { id: cf, type: custom, widget: fw, outbound_url: "%s", token_env: CU_TOKEN }
                """.formatted(port, bot.url(), flow.toString().replace("\\", "/"), integration.url(), integration.url()),
                Map.of("PW", "pw", "CU_TOKEN", TOKEN), clock, settings -> new ServerSettings(
                        settings.host(), port, settings.dataDir(), settings.databaseUrl(),
                        settings.outboxPollInterval(), new MediaSettings(MediaSettings.DEFAULT_MAX_BYTES, false,
                        Set.of(integration.origin())), settings.pluginsDir(), settings.metricsToken(),
                        settings.redis()));
    }

    /** Posts {@code body} to channel {@code channel}'s webhook, signed with the token now. */
    HttpAnswer post(String channel, ObjectNode body) {
        return post(channel, body, TOKEN, Instant.now());
    }

    /** Posts {@code body} signed with {@code token} as of {@code t}. */
    HttpAnswer post(String channel, ObjectNode body, String token, Instant t) {
        String raw = Json.write(body);
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of(WebhookSigner.HEADER, WebhookSigner.header(token, raw, t)), raw);
    }

    /** A contact's call: {@code user} did {@code name} with {@code payload}. */
    static ObjectNode call(String id, String user, String name, ObjectNode payload) {
        ObjectNode call = Json.object().put("id", id);
        call.putObject("user").put("id", user).put("name", "Zoe");
        call.put("sent_at", Instant.now().toString());
        call.putObject("packet").put("name", name).set("payload", payload);
        return call;
    }

    static ObjectNode text(String id, String user, String body) {
        return call(id, user, "message", Json.object().put("body", body));
    }

    static ObjectNode click(String id, String user, String token, String label) {
        ObjectNode payload = Json.object();
        payload.putObject("value").put("id", token).put("label", label);
        return call(id, user, "click", payload);
    }

    /** The timeline items named {@code name} of every conversation, as stored. */
    List<JsonNode> stored(String name) {
        return parley.stored(name);
    }

    /** Every timeline item as "author packet", in order, for messages of failed waits. */
    List<String> timeline() {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT author_type, packet_name FROM timeline ORDER BY conversation_id, seq").mapToMap().list())
                .stream().map(row -> row.get("author_type") + " " + row.get("packet_name")).toList();
    }

    int count(String table) {
        return parley.count(table);
    }

    private static WebhookRecorder.Reply answer(JsonNode call) {
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        if (payload.has("url")) {
            ArrayNode events = Json.array();
            events.add(event(cid, "message", Json.object().put("body", "got " + payload.path("mime_type").asText())));
            events.add(event(cid, "media", Json.object().put("url", payload.path("url").asText())
                    .put("caption", "your picture")));
            return WebhookRecorder.Reply.json(events);
        }
        String text = switch (call.path("packet").path("name").asText()) {
            case "start", "message" -> payload.path("body").asText("");
            case "click" -> "/clicked " + payload.path("value").path("id").asText();
            case "location" -> "/at " + payload.path("latitude").asDouble() + ","
                    + payload.path("longitude").asDouble();
            default -> "";
        };
        if (text.isEmpty()) {
            return WebhookRecorder.Reply.empty();
        }
        if (text.startsWith("choices ")) {
            ObjectNode bubbles = Json.object().put("body", "Pick one").put("fallback", "Answer with a number:");
            ArrayNode options = bubbles.putArray("options");
            for (int i = 1; i <= Integer.parseInt(text.substring("choices ".length())); i++) {
                options.addObject().put("id", "opt-" + i).put("label", "Option " + i);
            }
            return WebhookRecorder.Reply.json(event(cid, "bubbles", bubbles));
        }
        if (text.equals("human")) {
            return WebhookRecorder.Reply.json(event(cid, "forward_any", Json.object()));
        }
        if (text.equals("md")) {
            return WebhookRecorder.Reply.json(event(cid, "message", Json.object()
                    .put("body", "**bold** and _italic_ [a link](https://example.com)")
                    .put("text_format", "markdown_v1")));
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
        integration.close();
    }
}
