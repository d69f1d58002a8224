package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.Template;
import dev.parley.flow.Value;
import dev.parley.json.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/** Fills templates and structured values with what the flow can read. */
final class Renderer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Renderer() {
    }

    /** The template as text; a missing value renders as nothing. */
    static String text(Template template, FlowData data) {
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Literal literal -> out.append(literal.text());
                case Template.Placeholder placeholder -> out.append(placeholder(placeholder, data, out));
            }
        }
        return out.toString();
    }

    /**
     * The template as a JSON value: a template that is one placeholder without filters keeps the
     * value's own type (an object, a number), anything else is text.
     */
    static JsonNode json(Template template, FlowData data) {
        return template.wholeValue().<JsonNode>map(variable -> {
            JsonNode value = data.read(variable);
            return value.isMissingNode() ? JSON.nullNode() : value.deepCopy();
        }).orElseGet(() -> JSON.textNode(text(template, data)));
    }

    static JsonNode value(Value value, FlowData data) {
        return switch (value) {
            case Value.Text text -> json(text.template(), data);
            case Value.Scalar scalar -> Json.MAPPER.valueToTree(scalar.value());
            case Value.Items items -> {
                ArrayNode list = JSON.arrayNode();
                items.items().forEach(item -> list.add(value(item, data)));
                yield list;
            }
            case Value.Fields fields -> fields(fields.fields(), data);
            case Value.Null nothing -> JSON.nullNode();
        };
    }

    static ObjectNode fields(Map<String, Value> fields, FlowData data) {
        ObjectNode object = JSON.objectNode();
        fields.forEach((key, item) -> object.set(key, value(item, data)));
        return object;
    }

    /** The placeholder's value after its filters; {@code before} is what the template rendered ahead of it. */
    private static String placeholder(Template.Placeholder placeholder, FlowData data, CharSequence before) {
        String value = display(data.read(placeholder.variable()));
        for (Template.Filter filter : placeholder.filters()) {
            value = switch (filter) {
                case Template.Default fallback -> value.isBlank() ? fallback.fallback() : value;
                case Template.Upper upper -> value.toUpperCase(Locale.ROOT);
                case Template.Lower lower -> value.toLowerCase(Locale.ROOT);
                case Template.Trim trim -> value.strip();
                case Template.DateFormat date -> date(value, date.pattern());
                case Template.Raw raw -> value;
                case Template.UrlEncoded url -> UrlPlace.after(before).encode(value,
                        placeholder.variable().root().equals("env"));
            };
        }
        return value;
    }

    /** Text as a contact should see it: strings as they are, other values as JSON, nothing for null. */
    static String display(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String date(String value, String pattern) {
        if (value.isBlank()) {
            return value;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        try {
            TemporalAccessor parsed = value.length() <= 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value);
            return format.format(parsed);
        } catch (java.time.DateTimeException e) {
            return value;
        }
    }
}
