package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Graph API's front on loopback, shared by the WhatsApp and Messenger stand-ins: it checks the bearer token
 * (else Meta's 401 with code 190), reads the JSON body (else code 100), records every request, and answers
 * Graph's error JSON ({@code {"error": {message, type, code, error_subcode, error_data, fbtrace_id}}}). It can
 * be switched to fail every call with a status and Meta code, or be down for a span of time on a given clock.
 */
public final class GraphStandIn implements AutoCloseable {

    /** One request it took; header names are lower case. */
    public record Taken(String method, String path, Map<String, String> headers, JsonNode body) {}

    /** An answer: status and JSON, or raw bytes with a content type. */
    public record Answer(int status, byte[] body, String contentType) {
        public static Answer json(int status, JsonNode body) {
            return new Answer(status, Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/json");
        }
    }

    /** What the vendor-specific part does with a request that passed the common checks. */
    public interface Route {
        Answer answer(Taken request);
    }

    private final String token;
    private final String product;
    private final HttpServer server;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final AtomicLong trace = new AtomicLong();
    private final Map<String, Answer> files = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Optional<Answer> failure = Optional.empty();
    private volatile Optional<Long> retryAfter = Optional.empty();
    private final java.util.concurrent.atomic.AtomicInteger untilFailure = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Optional<Answer> failureOnce = Optional.empty();
    /** The clock an outage is told by ({@link #failFor}). */
    private volatile Clock downClock = Clock.systemUTC();
    private volatile Instant downUntil = Instant.MIN;
    private final List<Taken> delivered = new CopyOnWriteArrayList<>();

    private GraphStandIn(String token, String product, Route route) {
        this.token = token;
        this.product = product;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> handle(exchange, route));
        server.start();
    }

    /** Starts on a free loopback port; {@code product} goes into {@code error_data.messaging_product}. */
    public static GraphStandIn start(String token, String product, Route route) {
        return new GraphStandIn(token, product, route);
    }

    /** The base URL, as {@code api_base_url} (like {@code https://graph.facebook.com/v21.0}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    /** The {@code host:port} it listens on, for Parley's list of private origins it may fetch from. */
    public String origin() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Serves {@code bytes} without a token, as Meta's CDN serves the files of Messenger attachments; answers the
     * URL, like the {@code payload.url} of an attachment.
     */
    public String serveFile(String name, byte[] bytes, String contentType) {
        files.put(name, new Answer(200, bytes, contentType));
        return "http://" + origin() + "/cdn/" + name;
    }

    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** From now on every authorised call fails with {@code status} and Meta's {@code code}. */
    public void failWith(int status, int code, String message) {
        failure = Optional.of(error(status, code, "OAuthException", message, Optional.empty()));
    }

    /** As {@link #failWith}, each failure carrying {@code Retry-After: <seconds>} as Meta's rate limits do. */
    public void failWith(int status, int code, String message, long retryAfterSeconds) {
        retryAfter = Optional.of(retryAfterSeconds);
        failWith(status, code, message);
    }

    /**
     * The {@code n}th authorised call from now (1: the next one) fails once with {@code status} and Meta's
     * {@code code}; the calls before and after it are answered normally.
     */
    public void failNth(int n, int status, int code, String message) {
        failureOnce = Optional.of(error(status, code, "OAuthException", message, Optional.empty()));
        untilFailure.set(n);
    }

    /**
     * An outage told by {@code clock}: for {@code outage} from now every authorised call is answered {@code 503} with
     * Meta's code 2 ("Service temporarily unavailable", which Meta documents as temporary), then normally again.
     */
    public void failFor(Duration outage, Clock clock) {
        downClock = clock;
        downUntil = clock.instant().plus(outage);
    }

    /** The requests it answered with a 2xx status, in order. */
    public List<Taken> delivered() {
        return List.copyOf(delivered);
    }

    /** From now on calls are answered normally again. */
    public void recover() {
        failure = Optional.empty();
        retryAfter = Optional.empty();
    }

    /** Meta's error JSON. */
    public Answer error(int status, int code, String type, String message, Optional<Integer> subcode) {
        ObjectNode error = Json.object().put("message", message).put("type", type).put("code", code);
        subcode.ifPresent(s -> error.put("error_subcode", s));
        error.putObject("error_data").put("messaging_product", product).put("details", message);
        error.put("fbtrace_id", "AbCdEf" + trace.incrementAndGet());
        ObjectNode body = Json.object();
        body.set("error", error);
        return Answer.json(status, body);
    }

    private void handle(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange, headers, raw, route);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.status() >= 400) {
                retryAfter.ifPresent(seconds -> exchange.getResponseHeaders().set("Retry-After", seconds.toString()));
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private Answer answer(HttpExchange exchange, Map<String, String> headers, byte[] raw, Route route) {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/cdn/")) {
            return Optional.ofNullable(files.get(path.substring("/cdn/".length())))
                    .orElseGet(() -> new Answer(404, new byte[0], "text/plain"));
        }
        if (!("Bearer " + token).equals(headers.get("authorization"))) {
            return error(401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token",
                    Optional.empty());
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? Json.object() : Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return error(400, 100, "OAuthException", "(#100) The parameter body is not valid JSON", Optional.empty());
        }
        Taken request = new Taken(exchange.getRequestMethod(), path, headers, body);
        taken.add(request);
        if (untilFailure.get() > 0 && untilFailure.decrementAndGet() == 0) {
            return failureOnce.orElseThrow();
        }
        if (downClock.instant().isBefore(downUntil)) {
            return error(503, 2, "OAuthException", "Service temporarily unavailable", Optional.empty());
        }
        Answer answer = failure.orElseGet(() -> route.answer(request));
        if (answer.status() < 300) {
            delivered.add(request);
        }
        return answer;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
