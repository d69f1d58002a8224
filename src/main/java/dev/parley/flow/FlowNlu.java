package dev.parley.flow;

import dev.parley.nlu.Understanding;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's {@code nlu:} block, as loaded: what it understands of free text, the global intents
 * (intent → node, active at every node that waits for the contact), the time zone dates are read
 * in and the region phone numbers without a country code belong to, and the shared intents file
 * included (a change to it reloads the flow).
 */
public record FlowNlu(Understanding understanding, Map<String, String> global, ZoneId zone, Optional<String> region,
                      Optional<Path> included) {
    private static final FlowNlu NONE = new FlowNlu(Understanding.none(), Map.of(), ZoneId.of("UTC"), Optional.empty(),
            Optional.empty());

    public FlowNlu {
        global = Collections.unmodifiableMap(new LinkedHashMap<>(global));
    }

    /** A flow without an {@code nlu:} block. */
    public static FlowNlu none() {
        return NONE;
    }
}
