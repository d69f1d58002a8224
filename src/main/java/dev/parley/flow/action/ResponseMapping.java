package dev.parley.flow.action;

import dev.parley.flow.action.Params.ParamException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code http} action's {@code response}: data names → dotted paths into the JSON answer, as in
 * {@code { status: "order.status", first_sku: "order.items.0.sku" }}.
 */
record ResponseMapping(Map<String, String> paths) {

    /** The data, or why a path has no value. */
    sealed interface Picked {
        record Data(Map<String, Object> data) implements Picked {}

        record Missing(String cause) implements Picked {}
    }

    /** Reads the parameter as a flow writes it, as in {@code { status: "order.status" }}; also its rule. */
    static final Reading<ResponseMapping> READING = ResponseMapping::read;

    private static ResponseMapping read(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new ParamException("must be a mapping of names to paths in the JSON answer, as in response:"
                    + " { status: \"order.status\" }");
        }
        Map<String, String> paths = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            if (!(item instanceof String path) || path.isBlank()
                    || Arrays.stream(path.split("\\.", -1)).anyMatch(String::isBlank)) {
                throw new ParamException("must map '" + key + "' to a dotted path such as order.status or"
                        + " items.0.sku");
            }
            paths.put(String.valueOf(key), path.strip());
        });
        return new ResponseMapping(paths);
    }

    Picked pick(Object json) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : paths.entrySet()) {
            Object value = json;
            List<String> segments = List.of(field.getValue().split("\\."));
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                String at = i == 0 ? "the answer" : "'" + String.join(".", segments.subList(0, i)) + "'";
                if (value instanceof Map<?, ?> object && object.containsKey(segment)) {
                    value = object.get(segment);
                } else if (value instanceof List<?> list && segment.matches("\\d{1,9}")
                        && Integer.parseInt(segment) < list.size()) {
                    value = list.get(Integer.parseInt(segment));
                } else {
                    return new Picked.Missing("with.response." + field.getKey() + ": the answer has no '"
                            + field.getValue() + "' (" + at + " " + lacks(value, segment) + ")");
                }
            }
            data.put(field.getKey(), value);
        }
        return new Picked.Data(data);
    }

    private static String lacks(Object value, String segment) {
        return switch (value) {
            case Map<?, ?> object -> "has no key '" + segment + "'";
            case List<?> list -> segment.matches("\\d{1,9}") ? "has " + list.size() + " items"
                    : "is a list, and '" + segment + "' is not an index";
            case null -> "is null";
            default -> "is " + (value instanceof String ? "text" : "a single value") + ", not an object";
        };
    }
}
