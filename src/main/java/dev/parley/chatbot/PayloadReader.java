package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields of a JSON object while keeping the JSON path for precise error messages, and collects
 * what it forgave on the way ({@link EventNotice}).
 */
final class PayloadReader {
    private final ObjectNode node;
    private final String path;
    private final List<EventNotice> notices = new ArrayList<>();

    PayloadReader(JsonNode node, String path) {
        if (!(node instanceof ObjectNode o)) {
            throw invalid(path, "must be a JSON object, got " + kind(node));
        }
        this.node = o;
        this.path = path;
    }

    ObjectNode node() {
        return node;
    }

    String path() {
        return path;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    void notice(String code, String field, String message) {
        notices.add(new EventNotice(code, at(field), at(field) + " " + message));
    }

    List<EventNotice> notices() {
        return List.copyOf(notices);
    }

    /**
     * An id: a string, or a whole JSON number taken as its decimal string ({@code 7} names group
     * {@code "7"}), as bot developers send ids both ways.
     */
    String requiredId(String field, int max) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber()) {
            node.put(field, v.asText());
        }
        if (v != null && !v.isNull() && !v.isTextual() && !v.isIntegralNumber()) {
            throw invalid(at(field), "must be an id (a string or a whole number), got " + kind(v));
        }
        return requiredString(field, 1, max);
    }

    String requiredString(String field, int min, int max) {
        return optionalString(field, min, max)
                .orElseThrow(() -> invalid(at(field), "is required (a string of " + min + "–" + max + " characters)"));
    }

    Optional<String> optionalString(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(at(field), "must be a string, got " + kind(v));
        }
        if (v.asText().indexOf('\0') >= 0) {
            throw invalid(at(field), "must not contain NUL characters");
        }
        int length = v.asText().codePointCount(0, v.asText().length());
        if (length < min || length > max) {
            throw invalid(at(field), "must have " + min + "–" + max + " characters, has " + length);
        }
        return Optional.of(v.asText());
    }

    Optional<String> optionalEnum(String field, List<String> allowed) {
        Optional<String> v = optionalString(field, 0, 100);
        if (v.isPresent() && !allowed.contains(v.get())) {
            throw invalid(at(field), "must be one of " + String.join(", ", allowed) + ", got '" + v.get() + "'");
        }
        return v;
    }

    Optional<Boolean> optionalBoolean(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw invalid(at(field), "must be true or false, got " + kind(v));
        }
        return Optional.of(v.booleanValue());
    }

    Optional<ObjectNode> optionalObject(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!(v instanceof ObjectNode o)) {
            throw invalid(at(field), "must be a JSON object, got " + kind(v));
        }
        return Optional.of(o);
    }

    ArrayNode requiredArray(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(at(field), "is required (a list of " + min + "–" + max + " items)");
        }
        if (!(v instanceof ArrayNode a)) {
            throw invalid(at(field), "must be a list, got " + kind(v));
        }
        if (a.size() < min || a.size() > max) {
            throw invalid(at(field), "must have " + min + "–" + max + " items, has " + a.size());
        }
        return a;
    }

    static InvalidEventException invalid(String path, String rule) {
        return new InvalidEventException("invalid_event", path, (path.isEmpty() ? "body" : path) + " " + rule);
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
