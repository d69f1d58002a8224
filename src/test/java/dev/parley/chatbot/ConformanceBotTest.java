package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.media.MediaSettings;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One conversation through the whole Chatbot API with a real bot on loopback: every incoming event
 * a web conversation can produce, every triggerable event, and every error answer of the API URL —
 * checked as the contact and as an operator see them.
 */
class ConformanceBotTest {
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyEventAndEveryErrorAnswerBehavesAsDocumented(StoreKind kind) throws Exception {
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/pixel.png", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, PIXEL.length);
            ex.getResponseBody().write(PIXEL);
            ex.close();
        });
        files.start();
        String pixel = "http://127.0.0.1:" + files.getAddress().getPort() + "/pixel.png";
        ConformanceBot script = new ConformanceBot(pixel);
        try (WebhookRecorder bot = WebhookRecorder.start(script::answer);
                WebhookRecorder crm = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                TestDatabase db = kind.create(temp);
                Parley parley = Parley.start(db.settings().withMedia(new MediaSettings(1_000_000, true, Set.of())),
                        ConfigLoader.parse(workspace(bot.url(), crm.url()), "parley.yml",
                                Map.of("TOKEN", "conf-token", "PW", "ada-pw")), Clock.systemUTC(), Ids.random())) {
            String base = "http://127.0.0.1:" + parley.port();
            WebContact contact = WebContact.open(http, base, "web");

            JsonNode welcome = contact.awaitBotMessage("**Welcome** to the check");
            assertThat(welcome.path("html").asText()).contains("<strong>Welcome</strong>");
            JsonNode bubbles = contact.awaitItem("bubbles", Items.fromBot("bubbles"));
            assertThat(contact.click(bubbles.path("id").asText(), "a").status()).isEqualTo(202);
            contact.awaitItem("navigate", Items.fromBot("navigate"));
            assertThat(names(contact)).containsSubsequence("bubbles", "click", "carousel", "list_template",
                    "button_template", "buttons", "navigate");
            String cid = bot.calls().getFirst().cid();
            assertThat(bot.calls().get(1).payload().path("value").path("label").asText()).isEqualTo("Alpha");

            assertThat(http.post(contact.url("/media"), contact.auth(), "{\"url\":\"" + pixel + "\"}").status())
                    .isEqualTo(202);
            contact.awaitBotMessage("got image/png");
            contact.say("media");
            JsonNode media = contact.awaitItem("bot media", Items.fromBot("media"));
            assertThat(media.path("packet").path("payload").path("url").asText()).startsWith("http");
            contact.say("delay");
            contact.awaitBotMessage("after delay");
            contact.say("feedback");
            contact.awaitBotMessage("nobody there");

            String api = base + "/api/chatbot/v1/bots/conf/events";
            String ok = event(cid, "message", "{\"body\":\"from the API\"}");
            assertThat(post(api, "conf-token", ok).json().path("applied").asInt()).isEqualTo(1);
            assertError(post(api, "wrong", ok), 401);
            assertError(post(base + "/api/chatbot/v1/bots/nobody/events", "conf-token", ok), 404);
            assertError(post(api, "conf-token", ok.replace("chatbot::conf:", "chatbot::other:")), 404);
            HttpAnswer invalid = post(api, "conf-token", "[" + ok + "," + event(cid, "bubbles",
                    "{\"fallback\":\"f\",\"options\":[{\"id\":\"1\",\"label\":\"\"}]}") + "]");
            assertError(invalid, 400);
            assertThat(invalid.json().path("error").path("path").asText()).isEqualTo("[1].packet.payload.options[0].label");
            assertError(post(api, "conf-token", event(cid, "message", "{\"body\":\"" + "x".repeat(300_000) + "\"}")), 413);
            assertError(post(api, "conf-token", event(cid, "media", "{\"url\":\"http://127.0.0.1:9/none.png\"}")), 502);
            HttpAnswer limited = post(api, "conf-token", ok);
            for (int i = 0; i < 25 && limited.status() == 200; i++) {
                limited = post(api, "conf-token", ok);
            }
            assertError(limited, 429);
            assertThat(limited.header("Retry-After")).isPresent();

            contact.say("bye");
            contact.awaitItem("ended", Items.packet("conversation_ended"));
            await().atMost(Duration.ofSeconds(10)).until(() -> crm.calls().size() == 1);
            assertThat(crm.calls().getFirst().body().path("conversation").path("subject").asText()).isEqualTo("Conformance");
            assertError(post(api, "conf-token", ok), 409);

            String token = http.post(base + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"ada-pw\"}").json().path("token").asText();
            JsonNode detail = http.get(base + "/api/v1/conversations/" + contact.conversationId(),
                    Map.of("Authorization", "Bearer " + token)).json();
            assertThat(detail.path("status").asText()).isEqualTo("ended");
            assertThat(detail.path("contact").path("name").asText()).isEqualTo("Conny");
            assertThat(detail.path("contact").path("custom_fields").path("tier").asText()).isEqualTo("gold");
            assertThat(detail.path("notes").findValuesAsText("body")).contains("started the check");
            assertThat(bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .contains("start", "click", "media", "message", "forward_failed");
        } finally {
            files.stop(0);
        }
    }

    private static String workspace(String webhook, String crm) {
        return """
                groups: [{ id: support, name: Support }, { id: empty, name: Nobody here }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: conf, name: Checker, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets: [{ id: web, name: Web, group: support }]
                addons: [{ name: crm, type: webhook, url: "%s" }]
                """.formatted(webhook, crm);
    }

    private HttpAnswer post(String url, String token, String body) {
        return http.post(url, Map.of("SECURITY-TOKEN", token), body);
    }

    private static String event(String cid, String name, String payload) {
        return "{\"info\":{\"cid\":\"" + cid + "\"},\"packet\":{\"name\":\"" + name + "\",\"payload\":" + payload + "}}";
    }

    private static void assertError(HttpAnswer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().path("error").path("code").asText()).isNotBlank();
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
    }

    private static List<String> names(WebContact contact) {
        return contact.transcript().stream().map(i -> i.path("packet").path("name").asText()).toList();
    }
}
