package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Braze's REST API on loopback, checking what Braze checks: the {@code Bearer} key (401), a JSON body
 * (400), at most 75 objects per array (400 "Max Input Length Exceeded"), and every object's identifier,
 * {@code time} and {@code dob} (400 with Braze's {@code {"message", "errors"}}). Every request it took
 * is recorded. It can be switched to answer otherwise, hang, or go down and come back on the same port.
 */
public final class BrazeStandIn implements AutoCloseable {
    private static final Pattern ISO = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.:]\\d{1,6})?)?(Z|[+-]\\d{1,2}(:?\\d{2})?)?)?$");
    private static final Pattern DOB = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final List<String> IDS = List.of("external_id", "user_alias", "braze_id", "email", "phone");

    /** How it answers requests that pass its checks. */
    public enum Mode { ACCEPT, ACCEPT_WITH_ERRORS, BAD_REQUEST, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, HANG }

    /** One request it took. Header names are lower case. */
    public record Taken(String path, Map<String, String> headers, ObjectNode body) {
        public int objects() {
            return body.path("attributes").size() + body.path("events").size() + body.path("purchases").size();
        }
    }

    private final String apiKey;
    private final int port;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile long resetInSeconds = 2;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile HttpServer server;

    private BrazeStandIn(String apiKey, int port) {
        this.apiKey = apiKey;
        this.port = port;
    }

    /** Starts on a free loopback port; requests must carry {@code Authorization: Bearer apiKey}. */
    public static BrazeStandIn start(String apiKey) {
        BrazeStandIn standIn = new BrazeStandIn(apiKey, FreePort.next());
        standIn.up();
        return standIn;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers from now on as {@code mode}; hanging requests are let go. */
    public BrazeStandIn mode(Mode next) {
        mode = next;
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
        return this;
    }

    /** The {@code X-RateLimit-Reset} of 429 answers, in seconds from now. */
    public void resetIn(long seconds) {
        resetInSeconds = seconds;
    }

    /** A user {@code /users/export/ids} finds by external id. */
    public void knowUser(String externalId, ObjectNode user) {
        users.put(externalId, user);
    }

    /** Closes the port: calls are refused until {@link #up}. */
    public void down() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            release.countDown();
            running.stop(0);
        }
    }

    /** Listens again, on the same port. */
    public void up() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            s.createContext("/", this::handle);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    /** The requests it took (passed its checks and answered 2xx), in order. */
    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The {@code /users/track} requests it took. */
    public List<Taken> tracked() {
        return taken.stream().filter(t -> t.path().equals("/users/track")).toList();
    }

    /** Every request that reached it, whatever the answer. */
    public int received() {
        return received.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            received.incrementAndGet();
            Map<String, String> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (!ex.getRequestMethod().equals("POST")) {
                reply(ex, 405, error("Method not allowed", List.of()));
                return;
            }
            if (!("Bearer " + apiKey).equals(headers.get("authorization")) || mode == Mode.UNAUTHORIZED) {
                reply(ex, 401, error("Invalid API key: the Authorization header must be 'Bearer <key>'", List.of()));
                return;
            }
            if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
                reply(ex, 415, error("Content-Type must be application/json", List.of()));
                return;
            }
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                body = null;
            }
            if (!(body instanceof ObjectNode object)) {
                reply(ex, 400, error("Invalid JSON in request body", List.of()));
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/users/track" -> track(ex, headers, object);
                case "/users/export/ids" -> export(ex, headers, object);
                default -> reply(ex, 404, error("Not found", List.of()));
            }
        }
    }

    private void track(HttpExchange ex, Map<String, String> headers, ObjectNode body) throws IOException {
        List<String> errors = new ArrayList<>();
        int total = 0;
        for (String array : List.of("attributes", "events", "purchases")) {
            JsonNode items = body.path(array);
            if (items.isMissingNode()) {
                continue;
            }
            if (!items.isArray()) {
                errors.add(array + " must be an array");
                continue;
            }
            if (items.size() > 75) {
                reply(ex, 400, error("Max Input Length Exceeded", List.of(array + " has " + items.size()
                        + " objects; the limit is 75")));
                return;
            }
            total += items.size();
            for (int i = 0; i < items.size(); i++) {
                check(array, i, items.get(i), errors);
            }
        }
        if (total == 0) {
            errors.add("Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.");
        }
        if (!errors.isEmpty()) {
            reply(ex, 400, error(errors.getFirst(), errors));
            return;
        }
        if (answeredOtherwise(ex)) {
            return;
        }
        taken.add(new Taken("/users/track", headers, body));
        ObjectNode answer = Json.object().put("message", "success");
        for (String array : List.of("attributes", "events", "purchases")) {
            if (body.has(array)) {
                answer.put(array + "_processed", body.path(array).size());
            }
        }
        if (mode == Mode.ACCEPT_WITH_ERRORS) {
            ArrayNode minor = answer.putArray("errors");
            for (String array : List.of("attributes", "events", "purchases")) {
                if (body.path(array).size() > 0) {
                    minor.addObject().put("type", "provided external_id is blacklisted and disallowed")
                            .put("input_array", array).put("index", 0);
                }
            }
        }
        reply(ex, 201, answer);
    }

    private static void check(String array, int i, JsonNode item, List<String> errors) {
        String at = array + "[" + i + "]";
        if (!item.isObject()) {
            errors.add(at + " is not an object");
            return;
        }
        boolean identified = IDS.stream().anyMatch(id -> id.equals("user_alias")
                ? item.path(id).path("alias_name").isTextual() && item.path(id).path("alias_label").isTextual()
                : item.path(id).isTextual() && !item.path(id).asText().isEmpty());
        if (!identified) {
            errors.add(at + ": 'external_id' or 'braze_id' or 'user_alias' or 'email' or 'phone' is required");
        }
        if (!array.equals("attributes")) {
            if (!item.path("time").isTextual() || !ISO.matcher(item.path("time").asText()).matches()) {
                errors.add(at + ": 'time' must be an ISO 8601 time, got " + item.path("time"));
            }
            if (array.equals("events") && !item.path("name").isTextual()) {
                errors.add(at + ": 'name' is required");
            }
        } else if (item.has("dob") && !item.path("dob").isNull() && !DOB.matcher(item.path("dob").asText()).matches()) {
            errors.add(at + ": 'dob' must be YYYY-MM-DD, got " + item.path("dob"));
        }
    }

    private void export(HttpExchange ex, Map<String, String> headers, ObjectNode body) throws IOException {
        if (!body.path("fields_to_export").isArray()) {
            reply(ex, 400, error("fields_to_export is required", List.of()));
            return;
        }
        if (answeredOtherwise(ex)) {
            return;
        }
        taken.add(new Taken("/users/export/ids", headers, body));
        ObjectNode answer = Json.object().put("message", "success");
        ArrayNode found = answer.putArray("users");
        ArrayNode invalid = answer.putArray("invalid_user_ids");
        body.path("external_ids").forEach(id -> {
            ObjectNode user = users.get(id.asText());
            if (user == null) {
                invalid.add(id.asText());
            } else {
                found.add(user);
            }
        });
        reply(ex, 201, answer);
    }

    /** Answers for the failure modes; false when the request is to be taken. */
    private boolean answeredOtherwise(HttpExchange ex) throws IOException {
        switch (mode) {
            case BAD_REQUEST -> reply(ex, 400, error("provided external_id is blacklisted and disallowed",
                    List.of("the stand-in refuses every request")));
            case RATE_LIMITED -> {
                ex.getResponseHeaders().add("X-RateLimit-Limit", "3000");
                ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                ex.getResponseHeaders().add("X-RateLimit-Reset",
                        Long.toString(Instant.now().getEpochSecond() + resetInSeconds));
                reply(ex, 429, error("Rate limit exceeded", List.of()));
            }
            case SERVER_ERROR -> reply(ex, 500, error("Internal server error", List.of()));
            case HANG -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 504, error("gave up hanging", List.of()));
            }
            case ACCEPT, ACCEPT_WITH_ERRORS, UNAUTHORIZED -> {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode error(String message, List<String> errors) {
        ObjectNode n = Json.object().put("message", message);
        ArrayNode list = n.putArray("errors");
        errors.forEach(list::add);
        return n;
    }

    private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (a hang it timed out on); nothing to answer
        }
    }

    @Override
    public void close() {
        down();
    }
}
