package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.app.ServerSettings;
import dev.parley.channel.standin.TelegramStandIn;
import dev.parley.json.Json;
import dev.parley.media.MediaSettings;
import dev.parley.testing.FreePort;
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
import java.util.Set;

/**
 * A real Parley serving two Telegram bots against one loopback Bot API stand-in: {@code tg} (registers its webhook
 * at start) on a widget whose API bot answers {@code echo: <text>}, a {@code bubbles} of N options for "choices N",
 * three messages for "three", about N characters for "long N", a markdown text full of reserved characters for
 * "markdown", {@code forward_any} for "human", {@code clicked <id>} for a click, {@code at <lat>,<lon>} for a
 * location and {@code got <mime>} with the same file back (captioned "your picture") for a file; and {@code
 * tgflow} on a widget whose flow bot greets in bold, shows typing for a second and offers Tea, Coffee or Water.
 */
final class TelegramRig implements AutoCloseable {
    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    static final String FLOW_TOKEN = "987654321:AAGflowbotTokenForTheTelegramRig";
    static final String SECRET = "parley-tg_secret-1";
    static final String FLOW_SECRET = "parley-flow_secret-2";
    /** What the API bot answers to "markdown": every character MarkdownV2 reserves, and an emoji before the bold. */
    static final String MARKDOWN = "😀 **Bold _and_ 👍 more** 1+1=2. {ok}! #tag (a) [x] ~~gone~~ __under__ a|b"
            + " `x*y_z` [the docs](https://example.com/a_(b)?q=1&r=2) - > end.";

    final JsonHttp http = new JsonHttp();
    final TelegramStandIn telegram = TelegramStandIn.start(TOKEN, FLOW_TOKEN);
    final WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
    /** The clock Parley reads time from: real time until a test moves it (a vendor outage). */
    final MutableClock clock = new MutableClock();
    final TestParley parley;

    TelegramRig(StoreKind kind, Path temp) {
        int port = FreePort.next();
        Path flow = temp.resolve("drinks.yml");
        try {
            Files.writeString(flow, """
                    id: drinks
                    start: hello
                    nodes:
                      hello: { say: "Hi **there**!", text_format: markdown_v1, next: pause }
                      pause: { delay: 1, typing: true, next: menu }
                      menu:
                        say: "What would you like?"
                        choices:
                          - { id: tea, label: Tea, next: tea }
                          - { id: coffee, label: Coffee, next: coffee }
                          - { id: water, label: Water, next: water }
                      tea: { say: "Tea it is.", end: true }
                      coffee: { say: "Coffee it is.", end: true }
                      water: { say: "Water it is.", end: true }
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parley = TestParley.start(kind, temp, """
                public_base_url: "http://127.0.0.1:%d"
                groups: [{ id: support, name: Support }, { id: drinks, name: Drinks }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                  - { id: barista, name: Barista, group: drinks, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: true }
                  - { id: cafe, name: Cafe, group: drinks, chatbot_assignment: true }
                channels:
                  - { id: tg, type: telegram, widget: web, api_base_url: "%s", register_webhook: true,
                      bot_token_env: TG_TOKEN, secret_token_env: TG_SECRET }
                  - { id: tgflow, type: telegram, widget: cafe, api_base_url: "%s",
                      bot_token_env: TG_FLOW_TOKEN, secret_token_env: TG_FLOW_SECRET }
                """.formatted(port, bot.url(), flow, telegram.baseUrl(), telegram.baseUrl()),
                Map.of("PW", "pw", "TG_TOKEN", TOKEN, "TG_SECRET", SECRET, "TG_FLOW_TOKEN", FLOW_TOKEN,
                        "TG_FLOW_SECRET", FLOW_SECRET),
                clock, settings -> new ServerSettings(settings.host(), port, settings.dataDir(),
                        settings.databaseUrl(), settings.outboxPollInterval(), new MediaSettings(
                                MediaSettings.DEFAULT_MAX_BYTES, false, Set.of()), settings.pluginsDir(),
                        settings.metricsToken(), settings.redis()));
    }

    /** Posts {@code update} to channel {@code channel}'s webhook with {@code secret} as Telegram's header. */
    HttpAnswer post(String channel, String secret, ObjectNode update) {
        return http.post(parley.baseUrl() + "/channels/" + channel + "/webhook",
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret, "Content-Type", "application/json"),
                Json.write(update));
    }

    HttpAnswer update(ObjectNode update) {
        return post("tg", SECRET, update);
    }

    HttpAnswer flowUpdate(ObjectNode update) {
        return post("tgflow", FLOW_SECRET, update);
    }

    /** The calls of {@code method} the bot {@code token} made, answered or refused, in order. */
    List<JsonNode> calls(String token, String method) {
        return telegram.calls().stream().filter(c -> c.token().equals(token) && c.method().equals(method))
                .map(TelegramStandIn.Call::body).toList();
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
            case "start", "message" -> payload.path("body").asText("");
            case "click" -> "/clicked " + payload.path("value").path("id").asText();
            case "location" -> "/at " + payload.path("latitude").asDouble() + ","
                    + payload.path("longitude").asDouble();
            default -> "";
        };
        if (payload.has("url")) {
            ArrayNode events = Json.array();
            events.add(event(cid, "message", Json.object().put("body", "got " + payload.path("mime_type").asText())));
            events.add(event(cid, "media", Json.object().put("url", payload.path("url").asText())
                    .put("caption", "your picture")));
            return WebhookRecorder.Reply.json(events);
        }
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
        if (text.startsWith("long ")) {
            StringBuilder body = new StringBuilder();
            for (int i = 1; body.length() < Integer.parseInt(text.substring("long ".length())); i++) {
                body.append(body.isEmpty() ? "" : " ").append("word").append(i);
            }
            return WebhookRecorder.Reply.json(event(cid, "message", Json.object().put("body", body.toString())));
        }
        return switch (text) {
            case "markdown" -> WebhookRecorder.Reply.json(event(cid, "message", Json.object().put("body", MARKDOWN)
                    .put("text_format", "markdown_v1")));
            case "human" -> WebhookRecorder.Reply.json(event(cid, "forward_any", Json.object()));
            case "three" -> {
                ArrayNode events = Json.array();
                List.of("one", "two", "three")
                        .forEach(t -> events.add(event(cid, "message", Json.object().put("body", t))));
                yield WebhookRecorder.Reply.json(events);
            }
            default -> WebhookRecorder.Reply.json(event(cid, "message", Json.object().put("body",
                    text.startsWith("/") ? text.substring(1) : "echo: " + text)));
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
        telegram.close();
    }
}
