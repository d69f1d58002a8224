package dev.parley.flow.action;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that an action's data holds JSON values only, and copies it, so a flow variable never holds
 * an object Parley cannot store, nor one the action changes afterwards.
 */
final class JsonLike {
    static final int MAX_DEPTH = 64;

    private JsonLike() {}

    /** A read-only deep copy of {@code data}; throws {@link NotJsonLike} naming the first bad value's path. */
    static Map<String, Object> copy(Map<?, ?> data) {
        return copyMap(data, "data", 0);
    }

    private static Object copyValue(Object value, String path, int depth) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer n -> n;
            case Long n -> n;
            case Short n -> n.intValue();
            case Byte n -> n.intValue();
            case BigInteger n -> n;
            case BigDecimal n -> n;
            case Double n when Double.isFinite(n) -> n;
            case Float n when Float.isFinite(n) -> n.doubleValue();
            case Double n -> throw new NotJsonLike(path + ": " + n + " is not a JSON number");
            case Float n -> throw new NotJsonLike(path + ": " + n + " is not a JSON number");
            case Map<?, ?> map -> copyMap(map, path, depth + 1);
            case List<?> list -> copyList(list, path, depth + 1);
            default -> throw new NotJsonLike(path + ": a " + value.getClass().getName()
                    + " is not a JSON value (text, number, true/false, null, list or map)");
        };
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
        checkDepth(path, depth);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new NotJsonLike(path + ": the key " + entry.getKey() + " is not text");
            }
            copy.put(key, copyValue(entry.getValue(), path + "." + key, depth));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(List<?> list, String path, int depth) {
        checkDepth(path, depth);
        List<Object> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(copyValue(list.get(i), path + "." + i, depth));
        }
        return Collections.unmodifiableList(copy);
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new NotJsonLike(path + ": nested deeper than " + MAX_DEPTH + " levels (is it a cycle?)");
        }
    }

    /** The data is not JSON-like; the message names the path of the offending value. */
    static final class NotJsonLike extends RuntimeException {
        NotJsonLike(String message) {
            super(message);
        }
    }
}
