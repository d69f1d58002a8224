package dev.parley.channel.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.error.ClientError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object of the custom channel's protocol, read strictly: a field it does not define, a missing required
 * one, a wrong type or a value out of range is a 400 {@code invalid_field} whose path names the field (such as
 * {@code packet.payload.latitude}) and whose message says the rule.
 */
final class StrictObject {
    private final JsonNode node;
    private final String path;

    StrictObject(JsonNode node, String path, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw invalid(at(path, name), "is not a field here; the fields are " + String.join(", ",
                        fields.stream().sorted().toList()));
            }
        }
        this.node = node;
        this.path = path;
    }

    String at(String field) {
        return at(path, field);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    JsonNode raw(String field) {
        return node.path(field);
    }

    String text(String field, int min, int max) {
        return optionalText(field, min, max).orElseThrow(() -> invalid(at(field), "is required (a string of "
                + min + "–" + max + " characters)"));
    }

    Optional<String> optionalText(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(at(field), "must be a string");
        }
        int length = v.asText().codePointCount(0, v.asText().length());
        if (length < min || length > max) {
            throw invalid(at(field), "must have " + min + "–" + max + " characters, has " + length);
        }
        if (v.asText().isBlank() && min > 0) {
            throw invalid(at(field), "must not be blank");
        }
        return Optional.of(v.asText());
    }

    String oneOf(String field, List<String> allowed) {
        String value = text(field, 1, 64);
        if (!allowed.contains(value)) {
            throw invalid(at(field), "must be one of " + String.join(", ", allowed) + ", not \"" + value + "\"");
        }
        return value;
    }

    double number(String field, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw invalid(at(field), v == null || v.isNull() ? "is required (a number)" : "must be a number");
        }
        if (v.asDouble() < min || v.asDouble() > max) {
            throw invalid(at(field), "must be between " + min + " and " + max);
        }
        return v.asDouble();
    }

    Instant instant(String field) {
        String text = text(field, 1, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(at(field), "must be an ISO-8601 time with a zone, such as 2026-12-05T06:00:00Z");
        }
    }

    StrictObject object(String field, Set<String> fields) {
        if (!has(field)) {
            throw invalid(at(field), "is required (a JSON object)");
        }
        return new StrictObject(node.get(field), at(field), fields);
    }

    List<String> texts(String field, int min, int max, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw invalid(at(field), v == null || v.isNull() ? "is required (an array of strings)"
                    : "must be an array of strings");
        }
        if (v.size() < min || v.size() > max) {
            throw invalid(at(field), "must have " + min + "–" + max + " items, has " + v.size());
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > maxLength) {
                throw invalid(at(field) + "[" + i + "]", "must be a string of 1–" + maxLength + " characters");
            }
        }
        return java.util.stream.StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList();
    }

    static ClientError invalid(String path, String rule) {
        return ClientError.badRequest("invalid_field", path + ": " + rule, path);
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
