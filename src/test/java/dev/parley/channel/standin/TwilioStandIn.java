package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's Programmable Messaging API on loopback for one account, checking what Twilio checks (written from
 * Twilio's API reference and error catalogue): {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} needs
 * HTTP Basic auth {@code AccountSid:AuthToken} (else 401, 20003 "Authentication Error"), the account of the path
 * (else 404, 20404), a form body with {@code To} (21604), {@code From} (21603) and {@code Body} or
 * {@code MediaUrl} (21602), a {@code Body} of at most 1,600 characters (21617, counted in characters, not UTF-16
 * units), a {@code To} in E.164 (21211), a {@code From} in E.164 (21212; this account has no short codes or
 * alphanumeric sender ids) that has not opted out (21610) and an absolute {@code StatusCallback}
 * URL (21609). Errors are Twilio's JSON {@code {"code", "message", "more_info", "status"}}; a message taken is
 * answered 201 with Twilio's message resource, {@code "sid": "SM…"}, {@code "status": "queued"}. Files of MMS are
 * served at Twilio's media URLs to the same Basic auth, redirecting to a pre-signed address as Twilio does. It can
 * be down for a span of time on a given clock ({@link #failFor}), or fail every call ({@link #failWith}). {@link #sign}
 * signs a webhook form post the way Twilio does.
 */
public final class TwilioStandIn implements AutoCloseable {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final int BODY_LIMIT = 1600;

    /**
     * One create-message call it took: the form's parameters (first values), the status it answered, the
     * message's {@code sid} ({@code ""} when refused) and when it came.
     */
    public record Taken(Map<String, String> form, int status, String sid, Instant at) {
        public String body() {
            return form.getOrDefault("Body", "");
        }
    }

    private record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {}

    private final String accountSid;
    private final String authToken;
    private final HttpServer server;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final Map<String, Answer> media = new ConcurrentHashMap<>();
    /** The clock an outage is told by ({@link #failFor}). */
    private volatile Clock downClock = Clock.systemUTC();
    private volatile Instant downUntil = Instant.MIN;
    private volatile Optional<Answer> failure = Optional.empty();

    private TwilioStandIn(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static TwilioStandIn start(String accountSid, String authToken) {
        return new TwilioStandIn(accountSid, authToken);
    }

    /** The base URL, as {@code api_base_url} (like {@code https://api.twilio.com}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every create-message call that passed authentication, in order, answered or refused. */
    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The messages it took (answered 201), in order. */
    public List<Taken> delivered() {
        return taken.stream().filter(t -> t.status() == 201).toList();
    }

    /** The bodies of the messages it took, in order. */
    public List<String> bodies() {
        return delivered().stream().map(Taken::body).toList();
    }

    /** {@code number} replied STOP: Twilio refuses to send to it with 21610 until it replies START. */
    public void optOut(String number) {
        optedOut.add(number);
    }

    /**
     * For {@code outage} from now by {@code clock} every authenticated call is answered 503 (Twilio's 20503), then
     * normally.
     */
    public void failFor(Duration outage, Clock clock) {
        downClock = clock;
        downUntil = clock.instant().plus(outage);
    }

    /** From now on every authenticated call fails with {@code status} and Twilio's {@code code}. */
    public void failWith(int status, int code, String message, Optional<Long> retryAfterSeconds) {
        Answer error = error(status, code, message);
        failure = Optional.of(retryAfterSeconds.map(s -> new Answer(error.status(), error.body(), error.contentType(),
                Map.of("Retry-After", s.toString()))).orElse(error));
    }

    /** Calls are answered normally again. */
    public void recover() {
        failure = Optional.empty();
        downUntil = Instant.MIN;
    }

    /**
     * Serves {@code bytes} as a file of an incoming MMS; answers its {@code MediaUrl}, which needs the account's
     * Basic auth and redirects to the file's pre-signed address.
     */
    public String addMedia(byte[] bytes, String contentType) {
        String id = "ME" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(0L)
                .putLong(ids.incrementAndGet()).array());
        media.put(id, new Answer(200, bytes, contentType, Map.of()));
        return baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages/MM" + "0".repeat(32) + "/Media/" + id;
    }

    /**
     * {@code X-Twilio-Signature} of a form post to {@code url} (with its query string): Base64 of the HMAC-SHA1,
     * keyed with the auth token, of the URL and every parameter's name and value, sorted by name.
     */
    public static String sign(String authToken, String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code parameters} as Twilio posts them ({@code application/x-www-form-urlencoded}). */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange, raw);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    private Answer answer(HttpExchange exchange, byte[] raw) {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/cdn/")) {
            return Optional.ofNullable(media.get(path.substring("/cdn/".length())))
                    .orElseGet(() -> new Answer(404, new byte[0], "text/plain", Map.of()));
        }
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 20003, "Authentication Error - invalid username");
        }
        String account = "/2010-04-01/Accounts/" + accountSid;
        if (path.startsWith(account + "/Messages/") && path.contains("/Media/")
                && exchange.getRequestMethod().equals("GET")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            return media.containsKey(id) ? new Answer(307, new byte[0], "text/plain",
                    Map.of("Location", baseUrl() + "/cdn/" + id)) : error(404, 20404, "The requested resource "
                    + path + " was not found");
        }
        if (!path.equals(account + "/Messages.json") || !exchange.getRequestMethod().equals("POST")) {
            return error(404, 20404, "The requested resource " + path + " was not found");
        }
        Map<String, String> form = parse(new String(raw, StandardCharsets.UTF_8));
        Answer answer = create(form);
        String sid = answer.status() == 201 ? Json.parseStoredObject(new String(answer.body(),
                StandardCharsets.UTF_8)).path("sid").asText() : "";
        taken.add(new Taken(form, answer.status(), sid, Instant.now()));
        return answer;
    }

    private Answer create(Map<String, String> form) {
        if (downClock.instant().isBefore(downUntil)) {
            return error(503, 20503, "Service Unavailable");
        }
        if (failure.isPresent()) {
            return failure.get();
        }
        String to = form.getOrDefault("To", "");
        String body = form.getOrDefault("Body", "");
        if (to.isBlank()) {
            return error(400, 21604, "A 'To' phone number is required.");
        }
        if (form.getOrDefault("From", "").isBlank() && !form.containsKey("MessagingServiceSid")) {
            return error(400, 21603, "A 'From' phone number is required.");
        }
        if (body.isEmpty() && !form.containsKey("MediaUrl")) {
            return error(400, 21602, "Message body is required.");
        }
        if (body.codePointCount(0, body.length()) > BODY_LIMIT) {
            return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        if (!E164.matcher(to).matches()) {
            return error(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        String from = form.getOrDefault("From", "");
        if (!from.isEmpty() && !E164.matcher(from).matches()) {
            return error(400, 21212, "The 'From' number " + from + " is not a valid phone number, shortcode, or"
                    + " alphanumeric sender ID.");
        }
        String callback = form.getOrDefault("StatusCallback", "");
        if (!callback.isEmpty() && !callback.matches("https?://[^\\s/]+.*")) {
            return error(400, 21609, "The StatusCallback URL " + callback + " is not a valid URL.");
        }
        if (optedOut.contains(to)) {
            return error(400, 21610, "Attempt to send to unsubscribed recipient");
        }
        String sid = "SM" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(System.nanoTime())
                .putLong(ids.incrementAndGet()).array());
        ObjectNode message = Json.object().put("sid", sid).put("account_sid", accountSid)
                .put("from", form.get("From")).put("to", to).put("body", body).put("status", "queued")
                .put("direction", "outbound-api").put("num_segments", "1").put("num_media", "0")
                .put("api_version", "2010-04-01").putNull("error_code").putNull("error_message")
                .putNull("price").put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return new Answer(201, Json.write(message).getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.substring("Basic ".length()).strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static Answer error(int status, int code, String message) {
        ObjectNode body = Json.object().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
        return new Answer(status, Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
