package dev.parley.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The values of one kind seen so far in a file (ids, e-mail addresses), to reject duplicates. */
final class Registry {

    private final String kind;
    private final Map<String, Integer> firstLines = new LinkedHashMap<>();

    Registry(String kind) {
        this.kind = kind;
    }

    /** Validates {@code node} as an id and records it. */
    String claimId(YamlNode node) {
        return claim(node, ConfigValues.id(node));
    }

    /** Records {@code value}, read from {@code node}, rejecting a value seen before. */
    String claim(YamlNode node, String value) {
        Integer first = firstLines.putIfAbsent(value, node.line());
        if (first != null) {
            throw node.error("duplicate " + kind + " '" + value + "' (first on line " + first + ")");
        }
        return value;
    }

    Set<String> values() {
        return Collections.unmodifiableSet(firstLines.keySet());
    }
}
