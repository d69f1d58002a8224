package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** Predicates over transcript items ({@code {seq, id, at, author, packet}}). */
public final class Items {
    private Items() {}

    public static Predicate<JsonNode> packet(String name) {
        return item -> item.path("packet").path("name").asText().equals(name);
    }

    public static Predicate<JsonNode> fromBot(String packetName) {
        return packet(packetName).and(item -> item.path("author").path("type").asText().equals("bot"));
    }

    public static Predicate<JsonNode> fromContact(String packetName) {
        return packet(packetName).and(item -> item.path("author").path("type").asText().equals("contact"));
    }

    public static Predicate<JsonNode> body(String body) {
        return item -> item.path("packet").path("payload").path("body").asText().equals(body);
    }

    public static String bodyOf(JsonNode item) {
        return item.path("packet").path("payload").path("body").asText();
    }
}
