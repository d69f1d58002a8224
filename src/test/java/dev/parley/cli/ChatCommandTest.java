package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChatCommandTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/orders/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"status\":\"shipped\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void chatsThroughChoicesAnAskAnActionAndTheEnd() throws Exception {
        Path flow = write("shop.yml", """
                id: shop
                start: welcome
                nodes:
                  welcome:
                    say: "Hi {{contact.name | default: 'there'}}! How can I help?"
                    choices:
                      - { id: status, label: "Order status", next: ask_order }
                      - { id: human, label: "Talk to us", next: bye }
                  ask_order:
                    ask: "What is your order number?"
                    save: order_id
                    validate: { pattern: "^[0-9]{6}$", error: "An order number has 6 digits." }
                    next: lookup
                  lookup:
                    action: http
                    with: { url: "{{env.orders_url}}/orders/{{order_id}}", response: { status: status } }
                    save: order
                    on: { success: tell, error: sorry }
                  tell: { say: "Your order is {{order.status}}.", next: pause }
                  pause: { delay: 2, next: noted }
                  noted: { note: "asked about {{order_id}}", next: bye }
                  sorry: { say: "Sorry.", abort: true }
                  bye: { say: "Bye!", end: true }
                """);
        Path config = write("parley.yml", """
                environments:
                  sandbox:
                    orders_url: http://127.0.0.1:%d
                """.formatted(server.getAddress().getPort()));

        int exit = chat("1\n12\n123456\n", flow.toString(), "--config", config.toString(), "--name", "Ada");

        assertThat(exit).isZero();
        assertThat(requested).containsExactly("/orders/123456");
        assertThat(out.toString()).contains(
                "Chatting with flow shop (environment sandbox)",
                "Hi Ada! How can I help?\n  1. Order status\n  2. Talk to us\n> (clicked Order status)\n"
                        + "What is your order number?\n> ",
                "> An order number has 6 digits.\nWhat is your order number?\n> ",
                "  · [lookup] action http → success\n",
                "Your order is shipped.\n(typing 2 s)\n(note: asked about 123456)\nBye!\n(conversation ended)\n");
        assertThat(out.toString()).doesNotContain("(chat left)");
    }

    @Test
    void brazeTrackAnswersErrorInTheTerminal() throws Exception {
        Path flow = write("track.yml", """
                id: track
                start: track
                nodes:
                  track:
                    action: braze.track
                    with: { events: [{ external_id: "x", name: chatted }] }
                    on: { success: done, error: failed }
                  done: { say: "Tracked.", end: true }
                  failed: { say: "Not tracked.", forward: { any: true } }
                """);

        int exit = chat("", flow.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("  · [track] action braze.track → error: braze.track is not sent from"
                + " the terminal chat; run the flow in Parley\n", "Not tracked.\n(handed to operators — chat over)\n");
    }

    @Test
    void forwardWithFeedbackFailsAndTheFlowGoesOn() throws Exception {
        Path flow = write("handoff.yml", """
                id: handoff
                start: handoff
                nodes:
                  handoff:
                    say: "Let me find a colleague."
                    forward: { any: true, on_failure: feedback }
                    on: { forward_failed: sorry }
                  sorry: { say: "Nobody is free.", end: true }
                """);

        assertThat(chat("", flow.toString())).isZero();
        assertThat(out.toString()).contains("Let me find a colleague.\n(no operator in the terminal: forward_failed)\n"
                + "Nobody is free.\n(conversation ended)\n");
    }

    @Test
    void aParleyYmlInTheFolderGivesTheEnvironmentWithoutNeedingTheWorkspaceSecrets() throws Exception {
        write("parley.yml", """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: shopbot, name: Shop Bot, group: support, type: api, behavior: firewall,
                      webhook_url: "http://localhost:8000/webhook", api_token_env: UNSET_SHOPBOT_API_TOKEN }
                environments:
                  sandbox:
                    greeting: Moin
                """);
        Path flow = write("hello.yml", """
                id: hello
                start: hi
                nodes:
                  hi: { say: "{{env.greeting}}!", end: true }
                """);

        assertThat(chat("", flow.toString())).isZero();
        assertThat(out.toString()).contains("Moin!\n(conversation ended)\n");
    }

    @Test
    void anUnsetEnvValueIsNamedInsteadOfTheActionsSymptom() throws Exception {
        Path config = write("empty.yml", "environments: { sandbox: {} }\n");

        assertThat(chat("1\n123456\n", "examples/flows/shop.yml", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("  · [lookup] action http → error: {{env.orders_url}} is not set: add"
                + " orders_url to environments.sandbox in parley.yml\n").doesNotContain("http or https");
    }

    @Test
    void quitLeavesTheChat() throws Exception {
        Path flow = write("ask.yml", """
                id: ask
                start: ask
                nodes:
                  ask: { ask: "Your name?", save: name, next: bye }
                  bye: { say: "Bye {{name}}", end: true }
                """);

        assertThat(chat("/quit\n", flow.toString())).isZero();
        assertThat(out.toString()).contains("Your name?\n> \n(chat left)\n").doesNotContain("Bye");
    }

    @Test
    void anInvalidFlowIsRefusedWithEveryProblem() throws Exception {
        Path flow = write("broken.yml", """
                id: broken
                start: welcome
                nodes:
                  welcome: { say: "Hi", next: nowhere }
                """);

        assertThat(chat("", flow.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(flow + ":4:").contains("nowhere").contains("invalid (1 error)")
                .doesNotContain("Chatting");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private int chat(String input, String... args) {
        ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ChatCommand.class ? type.cast(new ChatCommand(in, dir))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 2];
        all[0] = "chat";
        all[1] = "--plugins=" + dir.resolve("no-plugins");
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }
}
