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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Braze's REST API on loopback, checking what Braze checks (from Braze's documentation): the
 * {@code Bearer} key (401), a JSON body (400), at most 75 objects per request across attributes, events
 * and purchases combined ({@link #perArrayLimit} for legacy contracts: 75 per array; over the limit 400
 * "Max Input Length Exceeded"), and every object by {@link BrazeObjectRules}: an object that fails is a
 * minor error of a 201 answer naming it by {@code input_array} and {@code index}, and the others are
 * applied to the users it holds ({@link BrazeProfiles}). It takes {@code /users/identify} (aliases merged
 * into {@code external_id} users) and {@code /users/export/ids} (250 requests a minute, then 429), and
 * every answer carries {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}. It can be
 * switched to answer otherwise, hang, hold answers, or go down and come back on the same port.
 */
public final class BrazeStandIn implements AutoCloseable {
    static final Set<String> STANDARD_FIELDS = Set.of("external_id", "first_name", "last_name", "email", "phone",
            "dob", "home_city", "country", "language", "gender", "email_subscribe", "push_subscribe", "time_zone");
    private static final List<String> ARRAYS = List.of("attributes", "events", "purchases");
    private static final int TRACK_LIMIT = 3000;

    /** How it answers requests that pass its checks. */
    public enum Mode {
        ACCEPT, ACCEPT_WITH_ERRORS, ACCEPT_WITH_UNINDEXED_ERROR, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED,
        SERVER_ERROR, APPLY_THEN_SERVER_ERROR, HANG
    }

    /** One request it took. Header names are lower case. */
    public record Taken(String path, Map<String, String> headers, ObjectNode body) {
        public int objects() {
            return body.path("attributes").size() + body.path("events").size() + body.path("purchases").size();
        }
    }

    private final String apiKey;
    private final int port;
    private final Clock clock;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final List<Integer> trackSizes = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final BrazeProfiles profiles = new BrazeProfiles();
    private final Map<Long, AtomicInteger> exportsPerMinute = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private static final String MODE = "parley.braze-stand-in.mode";
    private volatile Mode mode = Mode.ACCEPT;
    private volatile boolean perArray;
    private volatile int exportLimit = 250;
    private volatile long resetInSeconds = 2;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch answers = new CountDownLatch(0);
    private volatile HttpServer server;

    private BrazeStandIn(String apiKey, int port, Clock clock) {
        this.apiKey = apiKey;
        this.port = port;
        this.clock = clock;
    }

    /** Starts on a free loopback port; requests must carry {@code Authorization: Bearer apiKey}. */
    public static BrazeStandIn start(String apiKey) {
        return start(apiKey, Clock.systemUTC());
    }

    /** As {@link #start(String)}, with {@code clock} for {@code X-RateLimit-Reset} and the export minute. */
    public static BrazeStandIn start(String apiKey, Clock clock) {
        BrazeStandIn standIn = new BrazeStandIn(apiKey, FreePort.next(), clock);
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

    /** A legacy contract: 75 objects per array instead of 75 combined. */
    public BrazeStandIn perArrayLimit() {
        perArray = true;
        return this;
    }

    /** The {@code /users/export/ids} requests it takes per minute before answering 429. */
    public BrazeStandIn exportLimit(int perMinute) {
        exportLimit = perMinute;
        return this;
    }

    /**
     * A "dummy user" of Braze's spam blocking: a request naming this {@code external_id} anywhere is refused
     * as a whole with 400 "provided external_id is blacklisted and disallowed".
     */
    public BrazeStandIn block(String externalId) {
        blocked.add(externalId);
        return this;
    }

    /** The {@code X-RateLimit-Reset} of 429 answers, in seconds from now. */
    public void resetIn(long seconds) {
        resetInSeconds = seconds;
    }

    /** From now on, requests are taken (recorded, applied) but answered only after {@link #releaseAnswers}. */
    public void holdAnswers() {
        answers = new CountDownLatch(1);
    }

    public void releaseAnswers() {
        answers.countDown();
    }

    /** A user {@code /users/export/ids} finds by external id. */
    public void knowUser(String externalId, ObjectNode user) {
        profiles.put(user.deepCopy().put("external_id", externalId));
    }

    /** Another source changes the user's attribute in Braze. */
    public void changeUser(String externalId, String attribute, JsonNode value) {
        profiles.byExternalId(externalId).orElseThrow().attributes().set(attribute, value);
    }

    /** The user with {@code externalId} as an export shows it (with {@code custom_attributes}). */
    public Optional<ObjectNode> user(String externalId) {
        return profiles.byExternalId(externalId).map(profiles::export);
    }

    /** The user with the alias, as an export shows it. */
    public Optional<ObjectNode> aliasUser(String label, String name) {
        return profiles.byAlias(Json.object().put("alias_label", label).put("alias_name", name)).map(profiles::export);
    }

    /** The custom events recorded for the user with {@code externalId}. */
    public List<JsonNode> events(String externalId) {
        return profiles.byExternalId(externalId).map(p -> List.copyOf(p.events())).orElse(List.of());
    }

    /** The purchases recorded for the user with {@code externalId}. */
    public List<JsonNode> purchases(String externalId) {
        return profiles.byExternalId(externalId).map(p -> List.copyOf(p.purchases())).orElse(List.of());
    }

    /** How many users it holds. */
    public int users() {
        return profiles.size();
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

    /** The requests it took (passed its checks and were applied), in order. */
    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The {@code /users/track} requests it took. */
    public List<Taken> tracked() {
        return taken.stream().filter(t -> t.path().equals("/users/track")).toList();
    }

    /** The number of objects of every {@code /users/track} request that reached it, refused ones too. */
    public List<Integer> trackSizes() {
        return List.copyOf(trackSizes);
    }

    /** Every request that reached it, whatever the answer. */
    public int received() {
        return received.get();
    }

    /**
     * The mode in force when {@code ex} arrived: a test that switches modes once it has seen a request arrive
     * (by {@link #received()}) must not change how that very request is answered.
     */
    private static Mode modeOf(HttpExchange ex) {
        return (Mode) ex.getAttribute(MODE);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.setAttribute(MODE, mode);
            received.incrementAndGet();
            rateLimitHeaders(ex);
            Map<String, String> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (!ex.getRequestMethod().equals("POST")) {
                reply(ex, 405, error("Method not allowed", List.of()));
                return;
            }
            if (!("Bearer " + apiKey).equals(headers.get("authorization")) || modeOf(ex) == Mode.UNAUTHORIZED) {
                reply(ex, 401, error("Invalid API key: the Authorization header must be 'Bearer <key>'", List.of()));
                return;
            }
            if (modeOf(ex) == Mode.FORBIDDEN) {
                reply(ex, 403, error("Access Denied: the key lacks the permission for this endpoint", List.of()));
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
            switch (ex.getRequestURI().getPath()) {
                case "/users/track" -> track(ex, headers, object);
                case "/users/identify" -> identify(ex, headers, object);
                case "/users/export/ids" -> export(ex, headers, object);
                default -> reply(ex, 404, error("Not found", List.of()));
            }
        }
    }

    private void track(HttpExchange ex, Map<String, String> headers, ObjectNode body) throws IOException {
        int total = 0;
        for (String array : ARRAYS) {
            JsonNode items = body.path(array);
            if (!items.isMissingNode() && !items.isArray()) {
                reply(ex, 400, error("'" + array + "' must be an array", List.of()));
                return;
            }
            if (perArray && items.size() > 75) {
                reply(ex, 400, error("Max Input Length Exceeded", List.of(array + " has " + items.size()
                        + " objects; the limit is 75 per array")));
                return;
            }
            total += items.size();
        }
        trackSizes.add(total);
        if (!perArray && total > 75) {
            reply(ex, 400, error("Max Input Length Exceeded", List.of("the request has " + total
                    + " objects; the limit is 75 across attributes, events and purchases")));
            return;
        }
        if (total == 0) {
            reply(ex, 400, error("Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
                    List.of()));
            return;
        }
        for (String array : ARRAYS) {
            for (JsonNode item : body.path(array)) {
                if (blocked.contains(item.path("external_id").asText(""))) {
                    reply(ex, 400, error("provided external_id is blacklisted and disallowed",
                            List.of(array + ": " + item.path("external_id").asText())));
                    return;
                }
            }
        }
        if (answeredOtherwise(ex)) {
            return;
        }
        taken.add(new Taken("/users/track", headers, body));
        ObjectNode answer = Json.object().put("message", "success");
        ArrayNode minor = Json.array();
        for (String array : ARRAYS) {
            JsonNode items = body.path(array);
            if (items.isMissingNode()) {
                continue;
            }
            int processed = 0;
            for (int i = 0; i < items.size(); i++) {
                Optional<String> problem = BrazeObjectRules.problem(array, items.get(i));
                if (problem.isEmpty() && modeOf(ex) == Mode.ACCEPT_WITH_ERRORS && i == 0) {
                    problem = Optional.of("provided external_id is blacklisted and disallowed");
                }
                if (problem.isPresent()) {
                    minor.addObject().put("type", problem.get()).put("input_array", array).put("index", i);
                } else {
                    profiles.apply(array, items.get(i));
                    processed++;
                }
            }
            answer.put(array + "_processed", processed);
        }
        if (modeOf(ex) == Mode.ACCEPT_WITH_UNINDEXED_ERROR) {
            minor.addObject().put("type", "internal error while processing the request");
        }
        if (!minor.isEmpty()) {
            answer.set("errors", minor);
        }
        holdAnswer();
        reply(ex, modeOf(ex) == Mode.APPLY_THEN_SERVER_ERROR ? 500 : 201,
                modeOf(ex) == Mode.APPLY_THEN_SERVER_ERROR ? error("Internal server error", List.of()) : answer);
    }

    private void identify(HttpExchange ex, Map<String, String> headers, ObjectNode body) throws IOException {
        JsonNode list = body.path("aliases_to_identify");
        if (!list.isArray() || list.isEmpty() || list.size() > 50) {
            reply(ex, 400, error("'aliases_to_identify' must be an array of 1 to 50 objects", List.of()));
            return;
        }
        for (JsonNode item : list) {
            if (!item.path("external_id").isTextual() || !BrazeObjectRules.identifies("user_alias",
                    item.path("user_alias"))) {
                reply(ex, 400, error("each of 'aliases_to_identify' needs external_id and user_alias"
                        + " {alias_name, alias_label}", List.of()));
                return;
            }
        }
        if (answeredOtherwise(ex)) {
            return;
        }
        taken.add(new Taken("/users/identify", headers, body));
        int processed = 0;
        for (JsonNode item : list) {
            processed += profiles.identify(item.path("external_id").asText(), item.path("user_alias")) ? 1 : 0;
        }
        reply(ex, 201, Json.object().put("aliases_processed", processed).put("message", "success"));
    }

    private void export(HttpExchange ex, Map<String, String> headers, ObjectNode body) throws IOException {
        long minute = clock.instant().getEpochSecond() / 60;
        if (exportsPerMinute.computeIfAbsent(minute, m -> new AtomicInteger()).incrementAndGet() > exportLimit) {
            ex.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(exportLimit));
            ex.getResponseHeaders().set("X-RateLimit-Remaining", "0");
            ex.getResponseHeaders().set("X-RateLimit-Reset", Long.toString((minute + 1) * 60));
            reply(ex, 429, error("Rate limit exceeded", List.of()));
            return;
        }
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
        body.path("external_ids").forEach(id -> profiles.byExternalId(id.asText())
                .ifPresentOrElse(p -> found.add(profiles.export(p)), () -> invalid.add(id.asText())));
        body.path("user_aliases").forEach(alias -> profiles.byAlias(alias)
                .ifPresent(p -> found.add(profiles.export(p))));
        if (body.path("email_address").isTextual()) {
            profiles.byEmail(body.path("email_address").asText()).ifPresent(p -> found.add(profiles.export(p)));
        }
        reply(ex, 201, answer);
    }

    /** Braze sends its rate-limit headers with every answer. */
    private void rateLimitHeaders(HttpExchange ex) {
        long now = clock.instant().getEpochSecond();
        ex.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(TRACK_LIMIT));
        ex.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(modeOf(ex) == Mode.RATE_LIMITED ? 0
                : TRACK_LIMIT - 1));
        ex.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(modeOf(ex) == Mode.RATE_LIMITED
                ? now + resetInSeconds : now - now % 3 + 3));
    }

    /** Answers for the failure modes; false when the request is to be taken. */
    private boolean answeredOtherwise(HttpExchange ex) throws IOException {
        switch (modeOf(ex)) {
            case BAD_REQUEST -> reply(ex, 400, error("provided external_id is blacklisted and disallowed",
                    List.of("the stand-in refuses every request")));
            case RATE_LIMITED -> reply(ex, 429, error("Rate limit exceeded", List.of()));
            case SERVER_ERROR -> reply(ex, 500, error("Internal server error", List.of()));
            case HANG -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 504, error("gave up hanging", List.of()));
            }
            case ACCEPT, ACCEPT_WITH_ERRORS, ACCEPT_WITH_UNINDEXED_ERROR, UNAUTHORIZED, FORBIDDEN,
                    APPLY_THEN_SERVER_ERROR -> {
                return false;
            }
        }
        return true;
    }

    private void holdAnswer() {
        try {
            answers.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode error(String message, List<String> errors) {
        ObjectNode n = Json.object().put("message", message);
        ArrayNode list = n.putArray("errors");
        errors.forEach(list::add);
        return n;
    }

    private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
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
