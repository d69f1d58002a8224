package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.GraphStandIn.Answer;
import dev.parley.channel.standin.GraphStandIn.Taken;
import dev.parley.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messenger's Send API on loopback for one page: {@code POST /me/messages} checked as Meta checks it
 * ({@code recipient.id}, {@code messaging_type}, text or attachment, text under 2,000 characters, button
 * template text ≤ 640 and 1–3 buttons, ≤ 13 quick replies, titles ≤ 20, payloads ≤ 1,000; a file attachment's
 * {@code type} one of image, audio, video, file, its {@code payload.url} https (or http on loopback, as here),
 * {@code payload.is_reusable} a boolean if present: a break is Meta's 400 with code 100), answered with
 * {@code recipient_id} and a new {@code message_id}. As Meta does, it downloads an attachment's URL before it
 * answers: a file it cannot fetch is Meta's 400 with code 100 and subcode 2018008.
 */
public final class MessengerStandIn implements AutoCloseable {
    private final GraphStandIn graph;
    private static final Set<String> FILE_TYPES = Set.of("image", "audio", "video", "file");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Meta's limit on an attachment's file. */
    private static final long MAX_FILE = 25L * 1024 * 1024;

    private final AtomicInteger ids = new AtomicInteger();
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Fetched> fetched = new CopyOnWriteArrayList<>();

    /** A file Meta downloaded from an attachment's URL: its bytes and {@code Content-Type}. */
    public record Fetched(String url, byte[] bytes, String contentType) {}

    private MessengerStandIn(String pageToken) {
        this.graph = GraphStandIn.start(pageToken, "messenger", this::route);
    }

    public static MessengerStandIn start(String pageToken) {
        return new MessengerStandIn(pageToken);
    }

    public GraphStandIn graph() {
        return graph;
    }

    public List<JsonNode> messages() {
        return graph.taken().stream().map(Taken::body).toList();
    }

    /** The files downloaded from the attachments sent, in order. */
    public List<Fetched> fetched() {
        return List.copyOf(fetched);
    }

    private Answer route(Taken request) {
        if (!request.method().equals("POST") || !request.path().equals("/v21.0/me/messages")) {
            return graph.error(400, 100, "GraphMethodException", "Unsupported request", Optional.of(33));
        }
        JsonNode body = request.body();
        List<String> problems = new ArrayList<>();
        if (!body.path("recipient").path("id").isTextual()) {
            problems.add("recipient.id is required");
        }
        if (!List.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(body.path("messaging_type").asText())) {
            problems.add("messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG");
        }
        JsonNode message = body.path("message");
        if (message.has("text") == message.has("attachment")) {
            problems.add("message must have exactly one of text and attachment");
        }
        if (message.has("text")) {
            length(problems, "message.text", message.path("text"), 1999);
        }
        JsonNode replies = message.path("quick_replies");
        if (replies.size() > 13) {
            problems.add("message.quick_replies: at most 13");
        }
        replies.forEach(r -> choice(problems, "quick_replies", r));
        JsonNode payload = message.path("attachment").path("payload");
        if (payload.path("template_type").asText().equals("button")) {
            length(problems, "payload.text", payload.path("text"), 640);
            if (payload.path("buttons").isEmpty() || payload.path("buttons").size() > 3) {
                problems.add("payload.buttons: 1 to 3");
            }
            payload.path("buttons").forEach(b -> choice(problems, "buttons", b));
        }
        JsonNode attachment = message.path("attachment");
        if (message.has("attachment") && !attachment.path("type").asText().equals("template")) {
            file(problems, attachment);
        }
        if (!problems.isEmpty()) {
            return graph.error(400, 100, "OAuthException", "(#100) " + String.join("; ", problems), Optional.empty());
        }
        if (message.has("attachment") && !attachment.path("type").asText().equals("template")
                && !fetch(attachment.path("payload").path("url").asText())) {
            return graph.error(400, 100, "OAuthException", "(#100) Failed to fetch the file from the url",
                    Optional.of(2018008));
        }
        ObjectNode answer = Json.object().put("recipient_id", body.path("recipient").path("id").asText())
                .put("message_id", "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_" + ids.incrementAndGet());
        return Answer.json(200, answer);
    }

    private static void file(List<String> problems, JsonNode attachment) {
        String type = attachment.path("type").asText();
        if (!FILE_TYPES.contains(type)) {
            problems.add("message.attachment.type must be one of image, audio, video, file, template; got '" + type
                    + "'");
        }
        JsonNode payload = attachment.path("payload");
        JsonNode url = payload.path("url");
        if (!url.isTextual() || !fetchable(url.asText())) {
            problems.add("message.attachment.payload.url must be an https URL (http only on loopback), got "
                    + url);
        }
        if (payload.has("is_reusable") && !payload.path("is_reusable").isBoolean()) {
            problems.add("message.attachment.payload.is_reusable must be a boolean");
        }
    }

    private static boolean fetchable(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean fetch(String url) {
        try {
            HttpResponse<byte[]> file = fetcher.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() != 200 || file.body().length == 0 || file.body().length > MAX_FILE) {
                return false;
            }
            fetched.add(new Fetched(url, file.body(), file.headers().firstValue("Content-Type").orElse("")));
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void choice(List<String> problems, String field, JsonNode choice) {
        length(problems, field + ".title", choice.path("title"), 20);
        length(problems, field + ".payload", choice.path("payload"), 1000);
    }

    private static void length(List<String> problems, String field, JsonNode value, int max) {
        String text = value.asText("");
        int length = text.codePointCount(0, text.length());
        if (!value.isTextual() || length < 1 || length > max) {
            problems.add(field + " must be 1 to " + max + " characters, got " + length);
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
