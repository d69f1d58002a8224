package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.GraphStandIn.Answer;
import dev.parley.channel.standin.GraphStandIn.Taken;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messenger's Send API on loopback for one page: {@code POST /me/messages} checked as Meta checks it
 * ({@code recipient.id}, {@code messaging_type}, text or attachment, text under 2,000 characters, button
 * template text ≤ 640 and 1–3 buttons, ≤ 13 quick replies, titles ≤ 20, payloads ≤ 1,000: a break is Meta's 400
 * with code 100), answered with {@code recipient_id} and a new {@code message_id}.
 */
public final class MessengerStandIn implements AutoCloseable {
    private final GraphStandIn graph;
    private final AtomicInteger ids = new AtomicInteger();

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
        if (!problems.isEmpty()) {
            return graph.error(400, 100, "OAuthException", "(#100) " + String.join("; ", problems), Optional.empty());
        }
        ObjectNode answer = Json.object().put("recipient_id", body.path("recipient").path("id").asText())
                .put("message_id", "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_" + ids.incrementAndGet());
        return Answer.json(200, answer);
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
