package dev.parley.flow;

import dev.parley.config.ConfigException;
import dev.parley.config.YamlNode;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lines of the keys of a mapping. {@link YamlNode} gives the line of each value, which for a
 * block mapping under a key is the line after the key; the key's own line is learnt from
 * {@link YamlNode#requireOnlyKeys}, which reports the first key outside the allowed set.
 */
final class KeyLines {

    private KeyLines() {
    }

    /** Each key with its line, in document order; empty when {@code mapping} is not a mapping. */
    static Map<String, Integer> of(YamlNode mapping) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        String prefix = mapping.path().isEmpty() ? "" : mapping.path() + ".";
        while (true) {
            try {
                mapping.requireOnlyKeys(known);
                return lines;
            } catch (ConfigException e) {
                String key = e.path().startsWith(prefix) ? e.path().substring(prefix.length()) : "";
                if (key.isEmpty() || !known.add(key)) {
                    return lines;
                }
                lines.put(key, e.line().orElse(mapping.line()));
            }
        }
    }
}
