package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The user a {@code /users/track} object names. Braze takes {@code external_id}, {@code user_alias},
 * {@code braze_id}, {@code email} or {@code phone}; when several are given, the first in that order
 * names the user and the others are ordinary attributes.
 *
 * @param key   the object key that names the user
 * @param value a stable text form of its value, such as {@code external_id:cust-1}
 */
record Identity(String key, String value) {

    static final List<String> KEYS = List.of("external_id", "user_alias", "braze_id", "email", "phone");

    /** The identity of {@code object}, when it has a usable identifier. */
    static Optional<Identity> of(JsonNode object) {
        for (String key : KEYS) {
            JsonNode value = object.path(key);
            if (key.equals("user_alias")) {
                if (alias(value)) {
                    return Optional.of(new Identity(key, key + ":" + value.path("alias_label").asText() + "/"
                            + value.path("alias_name").asText()));
                }
            } else if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(new Identity(key, key + ":" + value.asText()));
            }
        }
        return Optional.empty();
    }

    static boolean alias(JsonNode value) {
        return value.isObject() && nonBlank(value.path("alias_name")) && nonBlank(value.path("alias_label"));
    }

    private static boolean nonBlank(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }
}
