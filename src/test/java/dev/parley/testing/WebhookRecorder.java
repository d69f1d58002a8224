package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bot webhook on loopback that records every call Parley makes (headers and body) and answers
 * through a {@link Responder}: its own logic, or forwarding to a real bot ({@link #proxyTo}).
 */
public final class WebhookRecorder implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "upgrade",
            "expect", "transfer-encoding");

    /** One webhook call as received. Header names are lower case. */
    public record Call(Map<String, String> headers, String rawBody, JsonNode body, Reply reply) {
        public String eventId() {
            return headers.getOrDefault("parley-event-id", "");
        }

        public int attempt() {
            return Integer.parseInt(headers.getOrDefault("parley-delivery-attempt", "0"));
        }

        public String cid() {
            return body.path("info").path("cid").asText();
        }

        public String packetName() {
            return body.path("packet").path("name").asText();
        }

        public JsonNode payload() {
            return body.path("packet").path("payload");
        }

        public JsonNode info() {
            return body.path("info");
        }
    }

    /** What the webhook answers; {@code headers} are sent besides {@code Content-Type}. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public Reply(int status, String body) {
            this(status, body, Map.of());
        }

        public static Reply empty() {
            return new Reply(200, "");
        }

        public static Reply json(Object value) {
            return new Reply(200, Json.write(value));
        }
    }

    /** Decides the answer to one call; {@code headers} have lower-case names. */
    @FunctionalInterface
    public interface Responder {
        Reply answer(Map<String, String> headers, String body) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private WebhookRecorder(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    public static WebhookRecorder start(Responder responder) {
        try {
            return new WebhookRecorder(responder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback webhook", e);
        }
    }

    /** A recording proxy in front of {@code targetUrl}: forwards each call with its headers and relays the answer. */
    public static WebhookRecorder proxyTo(String targetUrl) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return start((headers, body) -> {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(targetUrl)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name)) {
                    req.header(name, value);
                }
            });
            HttpResponse<String> res = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(res.statusCode(), res.body(), res.headers().firstValue("Retry-After")
                    .map(v -> Map.of("Retry-After", v)).orElse(Map.of()));
        });
    }

    /** The webhook URL to configure on the bot. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** Every call so far, in arrival order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsOf(String cid) {
        return calls.stream().filter(c -> c.cid().equals(cid)).toList();
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            Reply reply;
            try {
                reply = responder.answer(headers, body);
            } catch (Exception e) {
                reply = new Reply(502, "responder failed: " + e);
            }
            calls.add(new Call(Map.copyOf(headers), body, parse(body), reply));
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
