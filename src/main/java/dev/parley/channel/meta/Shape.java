package dev.parley.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vendor's JSON by path, tolerant of fields it does not know and precise about those it needs: a
 * missing or mistyped field is a {@link ShapeException} naming its path (such as
 * {@code entry[0].changes[0].value.messages[0].text.body}).
 */
public final class Shape {
    private Shape() {}

    /** The JSON of a raw body. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ShapeException("the body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ShapeException("the body is not JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The items of the array {@code field}; none when it is absent. */
    public static List<JsonNode> items(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ShapeException(path + field + ": must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** The required string {@code field}. */
    public static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.isTextual()) {
            throw new ShapeException(path + field + (node.isMissingNode() ? ": is required" : ": must be a string"));
        }
        return node.asText();
    }

    /** The string {@code field}, when present. */
    public static Optional<String> optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(text(parent, field, path));
    }

    /** The required number {@code field}. */
    public static double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.isNumber()) {
            throw new ShapeException(path + field + (node.isMissingNode() ? ": is required" : ": must be a number"));
        }
        return node.asDouble();
    }

    /** The required object {@code field}. */
    public static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new ShapeException(path + field + (node.isMissingNode() ? ": is required" : ": must be an object"));
        }
        return node;
    }

    /** An instant given as Unix seconds in a string ({@code "1739321024"}, WhatsApp) or a number. */
    public static Instant epochSeconds(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.canConvertToLong() || node.isTextual() && node.asText().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(node.asLong());
        }
        throw new ShapeException(path + field + (node.isMissingNode() ? ": is required"
                : ": must be Unix seconds, such as \"1739321024\""));
    }

    /** An instant given as Unix milliseconds in a number (Messenger). */
    public static Instant epochMillis(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.canConvertToLong()) {
            throw new ShapeException(path + field + (node.isMissingNode() ? ": is required"
                    : ": must be Unix milliseconds, such as 1458692752478"));
        }
        return Instant.ofEpochMilli(node.asLong());
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
