package dev.parley.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renders secrets for {@code toString()} without their values. */
final class Masked {

    static final String MASK = "****";

    private Masked() {
    }

    static String secret(Optional<String> secret) {
        return secret.isPresent() ? "Optional[" + MASK + "]" : "Optional.empty";
    }

    static String values(Map<String, String> map) {
        Map<String, String> masked = new TreeMap<>();
        map.keySet().forEach(key -> masked.put(key, MASK));
        return masked.toString();
    }
}
