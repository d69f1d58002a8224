package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The minimal bot both Parley and the reference run talk to: answers every {@code message} webhook
 * call with {@code "re: <body>"} in the same session, and every other event with an empty 200.
 */
final class EchoBot implements AutoCloseable {
    static final String PREFIX = "re: ";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LongAdder calls = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    private EchoBot(HttpServer server) {
        this.server = server;
    }

    static EchoBot start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            EchoBot bot = new EchoBot(server);
            server.createContext("/webhook", bot::handle);
            server.setExecutor(bot.executor);
            server.start();
            return bot;
        } catch (IOException e) {
            throw new BenchException("cannot start the bench bot on 127.0.0.1", e);
        }
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
    }

    long calls() {
        return calls.sum();
    }

    /** Calls the bot could not make sense of (answered 400). */
    long rejected() {
        return rejected.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.increment();
        try (exchange) {
            JsonNode event;
            try (InputStream in = exchange.getRequestBody()) {
                event = Json.MAPPER.readTree(in);
            } catch (IOException e) {
                reply(exchange, 400, "");
                rejected.increment();
                return;
            }
            String cid = event.path("info").path("cid").asText("");
            JsonNode packet = event.path("packet");
            if (cid.isEmpty() || !packet.path("name").isTextual()) {
                reply(exchange, 400, "");
                rejected.increment();
                return;
            }
            if (!"message".equals(packet.path("name").asText())) {
                reply(exchange, 200, "");
                return;
            }
            reply(exchange, 200, Json.write(answer(cid, packet.path("payload").path("body").asText(""))));
        }
    }

    static ObjectNode answer(String cid, String body) {
        ObjectNode answer = Json.object();
        answer.putObject("info").put("cid", cid);
        ObjectNode packet = answer.putObject("packet").put("name", "message");
        packet.putObject("payload").put("body", PREFIX + body);
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
