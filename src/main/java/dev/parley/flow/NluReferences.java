package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import dev.parley.nlu.Entities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The intents and entities a flow declares in {@code nlu:} and where nodes name them, checked once
 * the whole file is read (nodes may come before the {@code nlu:} block).
 */
final class NluReferences {
    private record Use(String name, YamlNode at) {
    }

    private final Set<String> intents = new LinkedHashSet<>();
    private final Set<String> entities = new LinkedHashSet<>(Entities.BUILT_IN);
    private final List<Use> intentUses = new ArrayList<>();
    private final List<Use> entityUses = new ArrayList<>();

    void declare(String intent) {
        intents.add(intent);
    }

    void declareEntities(Set<String> names) {
        entities.addAll(names);
    }

    /** An {@code intent → node} mapping (as in {@code on: { intent: … }} or {@code global:}), from node {@code from}. */
    Map<String, String> read(ParseContext context, String from, YamlNode mapping) {
        Map<String, String> routes = new LinkedHashMap<>();
        if (!Shapes.isMapping(mapping) || context.entries(mapping).isEmpty()) {
            context.problems.error(mapping, "name intents and the nodes they lead to, as in { human: handoff }");
            return routes;
        }
        context.entries(mapping).forEach((intent, target) -> {
            intentUses.add(new Use(intent, target));
            routes.put(intent, context.target(from, target));
        });
        return routes;
    }

    /** The {@code on: { intent: { … } }} routes of a node that waits for the contact; none without them. */
    Map<String, String> nodeRoutes(ParseContext context, String from, YamlNode node) {
        return context.optional(node, "on").filter(Shapes::isMapping).flatMap(on -> context.optional(on, "intent"))
                .map(intentsNode -> read(context, from, intentsNode)).orElse(Map.of());
    }

    /** An entity named at {@code at}, such as in {@code save: { order: order_id }}. */
    void useEntity(String name, YamlNode at) {
        entityUses.add(new Use(name, at));
    }

    void check(Problems problems) {
        for (Use use : intentUses) {
            if (!intents.contains(use.name())) {
                problems.error(use.at(), "unknown intent '" + use.name() + "'" + (intents.isEmpty()
                        ? ": declare it with examples under nlu.intents"
                        : Suggestions.closest(use.name(), intents).map(m -> "; did you mean '" + m + "'?")
                        .orElse(" (declared: " + String.join(", ", intents) + ")")));
            }
        }
        for (Use use : entityUses) {
            if (!entities.contains(use.name())) {
                problems.error(use.at(), "unknown entity '" + use.name() + "'" + Suggestions.closest(use.name(), entities)
                        .map(m -> "; did you mean '" + m + "'?").orElse(" (known: " + String.join(", ", entities)
                                + ")"));
            }
        }
    }
}
