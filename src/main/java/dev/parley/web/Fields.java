package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import java.util.Optional;

/** Typed access to the fields of a request object; errors name the field and the rule. */
final class Fields {
    private final ObjectNode node;
    private final String prefix;

    Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    Fields(ObjectNode node) {
        this(node, "");
    }

    String requiredString(String name, int min, int max) {
        return optionalString(name, min, max).orElseThrow(() -> ClientError.badRequest("invalid_field",
                prefix + name + " is required (a string of " + min + "–" + max + " characters)", prefix + name));
    }

    Optional<String> optionalString(String name, int min, int max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ClientError.badRequest("invalid_field", prefix + name + " must be a string", prefix + name);
        }
        if (v.asText().indexOf('\0') >= 0) {
            throw ClientError.badRequest("invalid_field", prefix + name + " must not contain NUL characters",
                    prefix + name);
        }
        int length = v.asText().codePointCount(0, v.asText().length());
        if (length < min || length > max) {
            throw ClientError.badRequest("invalid_field",
                    prefix + name + " must have " + min + "–" + max + " characters, has " + length, prefix + name);
        }
        return Optional.of(v.asText());
    }

    boolean optionalBoolean(String name, boolean otherwise) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            throw ClientError.badRequest("invalid_field", prefix + name + " must be true or false", prefix + name);
        }
        return v.booleanValue();
    }

    boolean requiredBoolean(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw ClientError.badRequest("invalid_field", prefix + name + " is required (true or false)", prefix + name);
        }
        return v.booleanValue();
    }

    Optional<ObjectNode> optionalObject(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!(v instanceof ObjectNode o)) {
            throw ClientError.badRequest("invalid_field", prefix + name + " must be a JSON object", prefix + name);
        }
        return Optional.of(o);
    }

    /** A whole number of {@code min} or more. */
    long requiredWhole(String name, long min) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min) {
            throw ClientError.badRequest("invalid_field", prefix + name + " is required (a whole number of " + min
                    + " or more)", prefix + name);
        }
        return v.longValue();
    }
}
