package dev.parley.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structured parameter of a node ({@code with:}, {@code set:}, {@code contact_update:} …): every
 * text in it is a {@link Template}; lists and mappings keep their order.
 */
public sealed interface Value permits Value.Text, Value.Scalar, Value.Items, Value.Fields, Value.Null {

    /** A scalar, as a template (numbers and booleans are kept as written). */
    record Text(Template template) implements Value {
    }

    /**
     * A boolean or number written as such ({@code vip: true}, {@code quantity: 1}), kept as that type for
     * actions whose parameters keep types ({@link dev.parley.flow.spi.ActionParameters#keepingTypes()}).
     */
    record Scalar(Object value) implements Value {
    }

    /** A list. */
    record Items(List<Value> items) implements Value {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A mapping, in document order. */
    record Fields(Map<String, Value> fields) implements Value {
        public Fields {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** An explicit {@code null} or empty value. */
    record Null() implements Value {
    }
}
