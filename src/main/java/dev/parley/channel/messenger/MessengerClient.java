package dev.parley.channel.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.GraphHttp;
import dev.parley.channel.meta.GraphOutcome;
import java.time.Duration;

/**
 * Messenger's Send API for one page: {@code POST {api_base_url}/me/messages} with the page access token as
 * bearer, answered with the message's {@code mid} ({@code message_id}).
 */
public final class MessengerClient {
    private final GraphHttp graph;

    public MessengerClient(String apiBaseUrl, String pageAccessToken, Duration timeout) {
        this.graph = new GraphHttp(apiBaseUrl, pageAccessToken, timeout);
    }

    /** Sends one request built by {@link MessengerRequests}; done with the {@code mid} Meta gave the message. */
    public GraphOutcome<String> send(ObjectNode request) {
        return graph.post("/me/messages", request, MessengerClient::messageId);
    }

    private static String messageId(JsonNode answer) {
        JsonNode id = answer.path("message_id");
        if (!id.isTextual() || id.asText().isEmpty()) {
            throw new IllegalArgumentException("no message_id in the answer");
        }
        return id.asText();
    }
}
