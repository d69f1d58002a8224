package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.FreePort;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import dev.parley.webhook.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example integration {@code examples/custom-channel/bridge.py}, run unchanged with {@code python3} as a real
 * process against a real Parley: lines typed on its standard input reach a bot, the bot's answers are printed on
 * its standard output, a choice is answered by label (a click with the option's token) and by number.
 */
class CustomBridgeExampleTest {
    private static final String TOKEN = "bridge-token";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theTerminalBridgeChatsWithABotBothWays(StoreKind kind) throws Exception {
        int port = FreePort.next();
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> answer(Json.MAPPER.readTree(body)));
                TestParley parley = TestParley.start(kind, temp, """
                        groups: [{ id: support, name: Support }]
                        bots:
                          - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                        widgets: [{ id: web, name: Web, group: support }]
                        channels:
                          - { id: terminal, type: custom, widget: web, outbound_url: "http://127.0.0.1:%d/parley",
                              token_env: BRIDGE_TOKEN }
                        """.formatted(bot.url(), port), Map.of("BRIDGE_TOKEN", TOKEN));
                Bridge bridge = Bridge.start(parley.baseUrl() + "/channels/terminal/webhook", port, temp)) {
            bridge.type("hello");
            bridge.awaitPrinted("Parley: echo: hello");
            assertThat(bot.calls().getFirst().payload().path("body").asText()).isEqualTo("hello");
            assertThat(bot.calls().getFirst().info().path("contact").path("name").asText()).isEqualTo("Terminal user");

            bridge.type("choices 3");
            bridge.awaitPrinted("Parley: Answer with a number:\n1. Option 1\n2. Option 2\n3. Option 3");
            bridge.type("Option 2");
            bridge.awaitPrinted("Parley: clicked opt-2");
            bridge.type("choices 3");
            await().atMost(WAIT).until(() -> bot.calls().size() == 4);
            bridge.type("3");
            bridge.awaitPrinted("Parley: clicked opt-3");
            assertThat(bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message", "click", "message", "click");

            JsonHttp http = new JsonHttp();
            String forged = "{\"packet\": {\"name\": \"message\", \"payload\": {\"body\": \"forged\"}}, \"text\": \"x\"}";
            HttpAnswer refused = http.post("http://127.0.0.1:" + port + "/parley",
                    Map.of(WebhookSigner.HEADER, WebhookSigner.header("not-the-token", forged, Instant.now()),
                            "Idempotency-Key", "k-1"), forged);
            assertThat(refused.status()).isEqualTo(401);
            // an HTTP/1.0 server closes after each answer; without saying so, the client's next request could go
            // out on the closing connection and fail without an answer
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
            HttpAnswer old = http.post("http://127.0.0.1:" + port + "/parley",
                    Map.of(WebhookSigner.HEADER, WebhookSigner.header(TOKEN, forged, Instant.now().minusSeconds(600)),
                            "Idempotency-Key", "k-2"), forged);
            assertThat(old.status()).isEqualTo(401);
            assertThat(bridge.output()).doesNotContain("forged");
        }
    }

    private static WebhookRecorder.Reply answer(JsonNode call) {
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", cid);
        ObjectNode packet = event.putObject("packet");
        String text = call.path("packet").path("name").asText().equals("click")
                ? "clicked " + payload.path("value").path("id").asText() : payload.path("body").asText("");
        if (text.equals("choices 3")) {
            ObjectNode bubbles = packet.put("name", "bubbles").putObject("payload").put("body", "Pick one")
                    .put("fallback", "Answer with a number:");
            ArrayNode options = bubbles.putArray("options");
            for (int i = 1; i <= 3; i++) {
                options.addObject().put("id", "opt-" + i).put("label", "Option " + i);
            }
        } else {
            packet.put("name", "message").putObject("payload").put("body", text.startsWith("clicked") ? text
                    : "echo: " + text);
        }
        return WebhookRecorder.Reply.json(event);
    }

    /** bridge.py as a process: its standard input is typed into, its standard output goes to a file. */
    private record Bridge(Process process, Writer stdin, Path log, int port) implements AutoCloseable {
        static Bridge start(String webhook, int port, Path dir) throws IOException {
            Path log = dir.resolve("bridge-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder("python3", "bridge.py").directory(Path.of("examples/custom-channel")
                    .toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(Map.of("PARLEY_WEBHOOK_URL", webhook, "CUSTOM_CHANNEL_TOKEN", TOKEN,
                    "BRIDGE_PORT", Integer.toString(port), "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1"));
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new AssertionError("python3 is needed to run examples/custom-channel/bridge.py and could not be"
                        + " started: " + e.getMessage(), e);
            }
            Bridge bridge = new Bridge(process, new java.io.OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8), log, port);
            await("bridge.py listening on " + port).atMost(WAIT).until(bridge::listening);
            return bridge;
        }

        void type(String line) throws IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }

        void awaitPrinted(String text) {
            await().atMost(WAIT).until(() -> output().contains(text + "\n"));
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean listening() {
            if (!process.isAlive()) {
                throw new AssertionError("bridge.py exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
