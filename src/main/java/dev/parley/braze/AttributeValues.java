package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Braze's rules for the value of one custom attribute: text of at most 255 characters, {@code inc} with
 * an integer, {@code add} and {@code remove} with a list, and nested objects whose keys have at most 255
 * characters without spaces, {@code .} or {@code $} (Braze's own {@code $time}, {@code $add} … aside).
 */
final class AttributeValues {
    private AttributeValues() {}

    static Optional<String> problem(String key, JsonNode value) {
        if (value.isTextual() && value.asText().length() > ObjectChecks.MAX_TEXT) {
            return Optional.of(key + ": text values have at most " + ObjectChecks.MAX_TEXT + " characters, got "
                    + value.asText().length());
        }
        if (value.isArray()) {
            return items(key, value);
        }
        if (!value.isObject()) {
            return Optional.empty();
        }
        if (value.has("inc")) {
            return value.path("inc").isIntegralNumber() && value.size() == 1 ? Optional.empty()
                    : Optional.of(key + ": inc takes a whole number alone, as in { inc: 1 }; got " + value);
        }
        for (String operation : new String[] {"add", "remove"}) {
            if (value.has(operation)) {
                return value.path(operation).isArray() ? items(key + "." + operation, value.path(operation))
                        : Optional.of(key + ": " + operation + " takes a list, as in { " + operation + ": [a, b] }");
            }
        }
        return nested(key, value);
    }

    private static Optional<String> items(String key, JsonNode list) {
        for (JsonNode item : list) {
            if (item.isTextual() && item.asText().length() > ObjectChecks.MAX_TEXT) {
                return Optional.of(key + ": text values have at most " + ObjectChecks.MAX_TEXT
                        + " characters, got " + item.asText().length());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nested(String path, JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            String at = path + "." + name;
            if (!name.startsWith("$") && (name.isEmpty() || name.length() > ObjectChecks.MAX_TEXT
                    || name.contains(" ") || name.contains("."))) {
                return Optional.of(at + ": nested keys have 1 to " + ObjectChecks.MAX_TEXT
                        + " characters without spaces or '.'");
            }
            Optional<String> problem = field.getValue().isObject() ? nested(at, field.getValue())
                    : field.getValue().isTextual() && field.getValue().asText().length() > ObjectChecks.MAX_TEXT
                            ? Optional.of(at + ": text values have at most " + ObjectChecks.MAX_TEXT + " characters")
                            : Optional.empty();
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
