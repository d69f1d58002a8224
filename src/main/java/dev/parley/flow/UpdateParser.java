package dev.parley.flow;

import dev.parley.config.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the mappings of {@code set}, {@code contact_update} and {@code conversation_update} nodes. */
final class UpdateParser {

    static final List<String> CONTACT_FIELDS = List.of("name", "email", "mobile_number", "external_customer_id",
            "custom_fields", "campaigns");
    static final List<String> CONVERSATION_FIELDS = List.of("subject", "topics", "locale", "custom_fields");

    private final ParseContext context;

    UpdateParser(ParseContext context) {
        this.context = context;
    }

    /** {@code set: { name: value, … }}: each key becomes a variable of the flow. */
    Map<String, Value> variables(YamlNode node) {
        Map<String, Value> values = new LinkedHashMap<>();
        mapping(node, "set", "variables to set, as in set: { topic: billing }").ifPresent(set ->
                context.entries(set).forEach((name, value) -> {
                    context.variable(name, value);
                    values.put(name, context.value(value));
                }));
        return values;
    }

    Map<String, Value> contact(YamlNode node) {
        return fields(node, "contact_update", CONTACT_FIELDS);
    }

    Map<String, Value> conversation(YamlNode node) {
        return fields(node, "conversation_update", CONVERSATION_FIELDS);
    }

    private Map<String, Value> fields(YamlNode node, String key, List<String> allowed) {
        Map<String, Value> fields = new LinkedHashMap<>();
        mapping(node, key, "fields to update (" + String.join(", ", allowed) + ")").ifPresent(update -> {
            context.keys(update, allowed);
            context.entries(update).forEach((name, value) -> {
                if (allowed.contains(name)) {
                    checkShape(name, value);
                    fields.put(name, context.value(value));
                }
            });
        });
        return fields;
    }

    private void checkShape(String name, YamlNode value) {
        String expected = switch (name) {
            case "custom_fields" -> Shapes.isMapping(value) ? "" : "a mapping of field names to values";
            case "topics" -> value.isList() ? "" : "a list of topics";
            default -> Shapes.isScalar(value) ? "" : "a single value";
        };
        if (!expected.isEmpty()) {
            context.problems.error(value, name + " is " + expected + ", got " + Shapes.describe(value));
        }
    }

    /** The non-empty mapping under {@code key}, described as {@code what} in problems. */
    private Optional<YamlNode> mapping(YamlNode node, String key, String what) {
        Optional<YamlNode> value = context.required(node, key);
        if (value.isPresent() && (!Shapes.isMapping(value.get()) || context.entries(value.get()).isEmpty())) {
            context.problems.error(value.get(), key + " needs a mapping of " + what);
            return Optional.empty();
        }
        return value;
    }
}
