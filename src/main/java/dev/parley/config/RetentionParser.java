package dev.parley.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code retention:}: a duration of at least one day per kind of data, or {@code forever}. */
final class RetentionParser {
    static final Duration SHORTEST = Duration.ofDays(1);
    private static final List<String> KEYS = List.of("ended_conversations", "delivery_log", "dead_letters", "media");

    private RetentionParser() {
    }

    static RetentionConfig parse(YamlNode node) {
        node.requireOnlyKeys(KEYS);
        return new RetentionConfig(period(node, "ended_conversations"), period(node, "delivery_log"),
                period(node, "dead_letters"), period(node, "media"));
    }

    private static Optional<Duration> period(YamlNode parent, String key) {
        Optional<YamlNode> node = parent.get(key);
        if (node.isEmpty() || node.get().isNull() || node.get().asString().strip().equals("forever")) {
            return Optional.empty();
        }
        Duration period = node.get().asDuration();
        if (period.compareTo(SHORTEST) < 0) {
            // a plain number means seconds, so "30" would erase nearly everything at the next run
            throw node.get().error("must be at least 1d (such as 30d or 365d), or forever; a plain number means"
                    + " seconds");
        }
        return Optional.of(period);
    }
}
