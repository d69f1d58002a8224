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

/** What a contact types goes into an {@code http} action's URL as one value, through the real flow engine. */
class ChatHttpUrlTest {
    private static final String FLOW = """
            id: lookup
            start: ask
            nodes:
              ask: { ask: "Order?", save: order_id, next: lookup }
              lookup:
                action: http
                with: { url: "%s" }
                save: answer
                on: { success: done, error: failed }
              done: { say: "Found.", end: true }
              failed: { say: "Failed: {{answer.error}}", end: true }
            """;

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                    ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aTypedValueIsOnePathSegmentAndOneQueryValue() throws Exception {
        int exit = chat("12/../admin?role=owner&x=1#top\n",
                "{{env.orders_url}}/orders/{{order_id}}?ref={{order_id}}&lang=en");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Found.");
        String encoded = "12%2F..%2Fadmin%3Frole%3Downer%26x%3D1%23top";
        assertThat(requested).containsExactly("/orders/" + encoded + "?ref=" + encoded + "&lang=en");
    }

    @Test
    void spacesAndPlusSignsAreEncodedInTheQuery() throws Exception {
        chat("a b+c\n", "{{env.orders_url}}/search?q={{order_id}}");

        assertThat(requested).containsExactly("/search?q=a%20b%2Bc");
    }

    @Test
    void aValueThatWouldClimbThePathIsAnError() throws Exception {
        chat("..\n", "{{env.orders_url}}/orders/{{order_id}}/items");

        assertThat(requested).isEmpty();
        assertThat(out.toString()).contains("must not have '.' or '..' as a path segment");
    }

    @Test
    void aValueOutsideEnvCannotChangeTheHost() throws Exception {
        chat("127.0.0.1:" + server.getAddress().getPort() + "/admin?\n", "http://{{order_id}}/orders");

        assertThat(requested).isEmpty();
        assertThat(out.toString()).contains("action http → error");
    }

    @Test
    void rawInsertsTheValueAsItIs() throws Exception {
        chat("v2/orders\n", "{{env.orders_url}}/{{order_id | raw}}");

        assertThat(requested).containsExactly("/v2/orders");
    }

    private int chat(String input, String url) throws Exception {
        Path flow = Files.writeString(dir.resolve("lookup.yml"), FLOW.formatted(url));
        Path config = Files.writeString(dir.resolve("parley.yml"), """
                environments:
                  sandbox:
                    orders_url: http://127.0.0.1:%d
                """.formatted(server.getAddress().getPort()));
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
        return cl.execute("chat", "--plugins=" + dir.resolve("no-plugins"), flow.toString(), "--config",
                config.toString());
    }
}
