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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram Bot API on loopback for the bots whose tokens it is started with: {@code POST /bot<token>/<method>}
 * with a JSON body, answered as Telegram answers ({@code {"ok": true, "result": …}} or {@code {"ok": false,
 * "error_code", "description", "parameters"}}), and {@code GET /file/bot<token>/<file_path>} for the files added
 * with {@link #addFile}. It checks what Telegram checks (channel-formats-research.md §3, see {@link TelegramRules}):
 * the token ({@code 401 Unauthorized}), the method ({@code 404 Not Found}), required fields, text and caption
 * lengths, entities inside the text, the inline keyboard's shape and {@code callback_data} of 1–64 bytes, known
 * {@code file_id}s, a callback query answered once, and {@code setWebhook}'s secret token. It can be down for a
 * span of time on a given clock, answering {@code 502 Bad Gateway} or {@code 429 Too Many Requests} with {@code
 * retry_after} (the rest of the span, in whole seconds).
 */
public final class TelegramStandIn implements AutoCloseable {

    /** One call it took: the bot's token, the method and the JSON body. */
    public record Call(String token, String method, JsonNode body) {}

    /** A file users "sent": its bytes under a {@code file_path}. */
    private record File(String path, byte[] bytes) {}

    private final Set<String> tokens;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> delivered = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Set<String> answeredQueries = ConcurrentHashMap.newKeySet();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final AtomicLong messageIds = new AtomicLong(100);
    /** The clock an outage is told by ({@link #failFor}). */
    private volatile Clock downClock = Clock.systemUTC();
    private volatile Instant downUntil = Instant.MIN;
    private volatile int downStatus = 502;

    private TelegramStandIn(Set<String> tokens) {
        this.tokens = Set.copyOf(tokens);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port, serving the bots with these tokens. */
    public static TelegramStandIn start(String... tokens) {
        return new TelegramStandIn(Set.of(tokens));
    }

    /** The base URL, as {@code api_base_url} (like {@code https://api.telegram.org}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code bytes} downloadable as {@code fileId} through {@code getFile} and the file URL. */
    public void addFile(String fileId, String filePath, byte[] bytes) {
        files.put(fileId, new File(filePath, bytes.clone()));
    }

    /**
     * For {@code outage} from now by {@code clock} every call with a valid token is answered {@code status}: 502
     * ({@code "Bad Gateway"}) or 429 ({@code "Too Many Requests: retry after N"} with {@code parameters.retry_after} N, the
     * seconds left of the outage).
     */
    public void failFor(Duration outage, int status, Clock clock) {
        if (status != 502 && status != 429) {
            throw new IllegalArgumentException("the stand-in fails with 502 or 429");
        }
        downStatus = status;
        downClock = clock;
        downUntil = clock.instant().plus(outage);
    }

    /** From now on messages to {@code chatId} are refused as Telegram refuses them when the user blocked the bot. */
    public void block(long chatId) {
        blocked.add(String.valueOf(chatId));
    }

    /** Every call with a valid token, in order, answered or refused. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of {@code method}, in order, answered or refused. */
    public List<JsonNode> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).map(Call::body).toList();
    }

    /** The calls answered {@code "ok": true}, in order. */
    public List<Call> delivered() {
        return List.copyOf(delivered);
    }

    /** The messages the bots sent, as Telegram answered them ({@code message_id}, {@code chat}, {@code text}…). */
    public List<JsonNode> sent() {
        return List.copyOf(sent);
    }

    /** The texts of the {@code sendMessage} calls Telegram took, in order. */
    public List<String> texts() {
        return delivered.stream().filter(c -> c.method().equals("sendMessage")).map(c -> c.body().path("text")
                .asText()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), raw);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private record Answer(int status, byte[] body, String contentType) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private Answer answer(String httpMethod, String path, String contentType, byte[] raw) {
        if (path.startsWith("/file/bot")) {
            return download(path.substring("/file/bot".length()));
        }
        if (!path.startsWith("/bot") || path.indexOf('/', 4) < 0) {
            return error(404, "Not Found", Optional.empty());
        }
        String token = path.substring(4, path.indexOf('/', 4));
        String method = path.substring(path.indexOf('/', 4) + 1);
        if (!tokens.contains(token)) {
            return error(401, "Unauthorized", Optional.empty());
        }
        if (!httpMethod.equals("POST") || contentType == null || !contentType.startsWith("application/json")) {
            return error(400, "Bad Request: the stand-in takes POST with a JSON body", Optional.empty());
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? Json.object() : Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return error(400, "Bad Request: can't parse JSON object", Optional.empty());
        }
        Call call = new Call(token, method, body);
        calls.add(call);
        Instant now = downClock.instant();
        if (now.isBefore(downUntil)) {
            long left = Math.max(1, (Duration.between(now, downUntil).toMillis() + 999) / 1000);
            return downStatus == 429 ? error(429, "Too Many Requests: retry after " + left, Optional.of(left))
                    : error(502, "Bad Gateway", Optional.empty());
        }
        Optional<String> problem = TelegramRules.problem(method, body);
        if (problem.isPresent()) {
            return error(problem.get().equals("Not Found") ? 404 : 400, problem.get(), Optional.empty());
        }
        if (method.startsWith("send") && blocked.contains(body.path("chat_id").asText())) {
            return error(403, "Forbidden: bot was blocked by the user", Optional.empty());
        }
        Answer answer = switch (method) {
            case "getFile" -> getFile(body);
            case "answerCallbackQuery" -> answeredQueries.add(body.path("callback_query_id").asText())
                    ? ok(Json.MAPPER.getNodeFactory().booleanNode(true))
                    : error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid",
                            Optional.empty());
            case "setWebhook", "sendChatAction" -> ok(Json.MAPPER.getNodeFactory().booleanNode(true));
            default -> {
                ObjectNode message = message(body);
                sent.add(message);
                yield ok(message);
            }
        };
        if (answer.status() == 200) {
            delivered.add(call);
        }
        return answer;
    }

    private ObjectNode message(JsonNode request) {
        ObjectNode message = Json.object().put("message_id", messageIds.incrementAndGet())
                .put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", request.path("chat_id").asLong()).put("type", "private");
        if (request.has("text")) {
            message.put("text", request.path("text").asText());
        }
        if (request.has("reply_markup")) {
            message.set("reply_markup", request.path("reply_markup"));
        }
        return message;
    }

    private Answer getFile(JsonNode body) {
        File file = files.get(body.path("file_id").asText());
        if (file == null) {
            return error(400, "Bad Request: invalid file_id", Optional.empty());
        }
        ObjectNode result = Json.object().put("file_id", body.path("file_id").asText())
                .put("file_unique_id", "u" + Math.abs(file.path().hashCode())).put("file_size", file.bytes().length)
                .put("file_path", file.path());
        return ok(result);
    }

    private Answer download(String rest) {
        int slash = rest.indexOf('/');
        if (slash < 0 || !tokens.contains(rest.substring(0, slash))) {
            return error(401, "Unauthorized", Optional.empty());
        }
        String filePath = java.net.URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        return files.values().stream().filter(f -> f.path().equals(filePath)).findFirst()
                .map(f -> new Answer(200, f.bytes(), "application/octet-stream"))
                .orElseGet(() -> error(404, "Not Found", Optional.empty()));
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = Json.object().put("ok", true);
        body.set("result", result);
        return Answer.json(200, body);
    }

    private static Answer error(int code, String description, Optional<Long> retryAfter) {
        ObjectNode body = Json.object().put("ok", false).put("error_code", code).put("description", description);
        retryAfter.ifPresent(s -> body.putObject("parameters").put("retry_after", s));
        return Answer.json(code, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
