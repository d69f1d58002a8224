package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import dev.parley.testing.HexHmac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An integration's receiver of the custom channel on loopback ({@code POST /inbound}), checking what
 * docs/custom-channel.md asks an integration to check: {@code Parley-Signature} recomputed with the JDK's HMAC
 * over the raw bytes and compared in constant time, its {@code t} within five minutes, an {@code Idempotency-Key},
 * and the body's shape ({@code channel_id}, {@code user.id}, {@code packet.name}, {@code packet.payload},
 * {@code text}; a choice's options with their ids). A refusal is {@code 401} or {@code 400} with
 * {@code {"error": {"code", "message"}}}. A key it already took is answered with the same id and not taken
 * again, as vendors with idempotency keys do. It can be down for a span of time on a given clock
 * ({@link #failFor}) or refuse every call ({@link #failWith}).
 */
public final class CustomStandIn implements AutoCloseable {
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One call it received; header names are lower case. {@code status} is how it answered. */
    public record Taken(Map<String, String> headers, String raw, JsonNode body, int status) {
        public String idempotencyKey() {
            return headers.getOrDefault("idempotency-key", "");
        }

        public String packetName() {
            return body.path("packet").path("name").asText();
        }

        public JsonNode payload() {
            return body.path("packet").path("payload");
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    private final String token;
    private final HttpServer server;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final List<Taken> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** The clock an outage is told by ({@link #failFor}). */
    private volatile Clock downClock = Clock.systemUTC();
    private volatile Instant downUntil = Instant.MIN;
    private volatile Optional<Refusal> refusal = Optional.empty();

    private record Refusal(int status, String code) {}

    private CustomStandIn(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/inbound", this::handle);
        server.createContext("/files/", this::file);
        server.start();
    }

    /** Starts on a free loopback port, checking signatures with {@code token}. */
    public static CustomStandIn start(String token) {
        return new CustomStandIn(token);
    }

    /** The {@code outbound_url} to configure. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inbound";
    }

    /** The {@code host:port} it listens on, for Parley's list of private origins it may download from. */
    public String origin() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} at the URL answered, as an integration serves a file a contact sent. */
    public String serveFile(String name, byte[] bytes, String contentType) {
        files.put(name, new File(bytes, contentType));
        return "http://" + origin() + "/files/" + name;
    }

    private record File(byte[] bytes, String contentType) {}

    private final Map<String, File> files = new ConcurrentHashMap<>();

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            File file = files.get(exchange.getRequestURI().getPath().substring("/files/".length()));
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.sendResponseHeaders(200, file.bytes().length);
            exchange.getResponseBody().write(file.bytes());
        }
    }

    /** Every call, in order, however it was answered. */
    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The calls it took as new messages (answered 200 with a new id), in order. */
    public List<Taken> delivered() {
        return List.copyOf(delivered);
    }

    /** The {@code text} of each message delivered, in order. */
    public List<String> texts() {
        return delivered.stream().map(Taken::text).toList();
    }

    /** For {@code outage} from now by {@code clock}, every call is answered {@code 503} with {@code Retry-After: 1}. */
    public void failFor(Duration outage, Clock clock) {
        downClock = clock;
        downUntil = clock.instant().plus(outage);
    }

    /** From now on every well-signed call is refused with {@code status} and the error {@code code}. */
    public void failWith(int status, String code) {
        refusal = Optional.of(new Refusal(status, code));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String text = new String(raw, StandardCharsets.UTF_8);
            Answer answer = answer(exchange.getRequestMethod(), headers, raw);
            JsonNode body = Json.MAPPER.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
            Taken call = new Taken(headers, text, body, answer.status());
            taken.add(call);
            if (answer.fresh()) {
                delivered.add(call);
            }
            byte[] out = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.status() == 503) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private record Answer(int status, ObjectNode body, boolean fresh) {}

    private synchronized Answer answer(String method, Map<String, String> headers, byte[] raw) {
        if (!method.equals("POST")) {
            return error(405, "method_not_allowed", "POST only");
        }
        Matcher signature = SIGNATURE.matcher(headers.getOrDefault("parley-signature", ""));
        if (!signature.matches()) {
            return error(401, "bad_signature", "Parley-Signature must be t=<unix seconds>,v1=<64 hex digits>");
        }
        String expected = HexHmac.of(token, signature.group(1) + "." + new String(raw, StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return error(401, "bad_signature", "Parley-Signature does not match the body");
        }
        Duration off = Duration.between(Instant.ofEpochSecond(Long.parseLong(signature.group(1))), Instant.now());
        if (off.abs().compareTo(TOLERANCE) > 0) {
            return error(401, "old_signature", "t is " + off.toSeconds() + " s off");
        }
        String key = headers.getOrDefault("idempotency-key", "");
        if (key.isEmpty() || key.length() > 255) {
            return error(400, "no_idempotency_key", "Idempotency-Key: 1-255 characters required");
        }
        if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
            return error(415, "not_json", "Content-Type must be application/json");
        }
        if (downClock.instant().isBefore(downUntil)) {
            return error(503, "unavailable", "down for maintenance");
        }
        if (refusal.isPresent()) {
            return error(refusal.get().status(), refusal.get().code(), "refused: " + refusal.get().code());
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return error(400, "invalid_json", "the body is not JSON");
        }
        List<String> problems = shape(body);
        if (!problems.isEmpty()) {
            return error(400, "invalid_request", String.join("; ", problems));
        }
        String known = idsByKey.get(key);
        if (known != null) {
            return new Answer(200, Json.object().put("id", known), false);
        }
        String id = "cm-" + ids.incrementAndGet();
        idsByKey.put(key, id);
        return new Answer(200, Json.object().put("id", id), true);
    }

    private static List<String> shape(JsonNode body) {
        List<String> problems = new ArrayList<>();
        require(problems, body, "channel_id");
        require(problems, body.path("user"), "id");
        require(problems, body.path("packet"), "name");
        require(problems, body, "text");
        if (!body.path("packet").path("payload").isObject()) {
            problems.add("packet.payload must be an object");
        }
        JsonNode options = body.path("packet").path("payload").path("options");
        if (!options.isMissingNode()) {
            if (!options.isArray() || options.isEmpty()) {
                problems.add("packet.payload.options must be a non-empty array");
            }
            options.forEach(o -> {
                require(problems, o, "id");
                require(problems, o, "label");
            });
        }
        return problems;
    }

    private static void require(List<String> problems, JsonNode parent, String field) {
        if (!parent.path(field).isTextual() || parent.path(field).asText().isEmpty()) {
            problems.add(field + " is required (a non-empty string)");
        }
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return new Answer(status, body, false);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
