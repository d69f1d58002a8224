package dev.parley.flow.action;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback that records each request and answers through a {@link Responder}. */
final class LoopbackServer implements AutoCloseable {

    /** One request as received; header names are lower case. */
    record Received(String method, String path, String query, Map<String, String> headers, String body) {}

    /** One answer; {@code location} is sent as the {@code Location} header when not empty. */
    record Answer(int status, String contentType, String body, String location) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, "");
        }

        static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        static Answer redirect(int status, String location) {
            return new Answer(status, null, "", location);
        }
    }

    @FunctionalInterface
    interface Responder {
        Answer answer(Received request) throws Exception;
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    LoopbackServer(Responder responder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    Received last() {
        return received.getLast();
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            Answer answer;
            try {
                answer = responder.answer(request);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                answer = new Answer(599, "text/plain", "the test responder failed: " + e);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            exchange.getResponseHeaders().set("X-Request-Id", "req-7");
            if (!answer.location().isEmpty()) {
                exchange.getResponseHeaders().set("Location", answer.location());
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
