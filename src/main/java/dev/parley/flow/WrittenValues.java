package dev.parley.flow;

import dev.parley.flow.spi.WrittenValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a node's {@code with:} value tells before the flow runs, for checking it against its action's parameters. */
final class WrittenValues {

    private WrittenValues() {
    }

    static WrittenValue of(Value value) {
        if (isLiteral(value)) {
            return new WrittenValue.Literal(literal(value));
        }
        if (value instanceof Value.Text text && text.template().wholeValue().isEmpty()) {
            return new WrittenValue.TextTemplate(text.template().literalStart());
        }
        return new WrittenValue.Unknown();
    }

    private static boolean isLiteral(Value value) {
        return switch (value) {
            case Value.Text text -> text.template().isConstant();
            case Value.Scalar scalar -> true;
            case Value.Items items -> items.items().stream().allMatch(WrittenValues::isLiteral);
            case Value.Fields fields -> fields.fields().values().stream().allMatch(WrittenValues::isLiteral);
            case Value.Null nothing -> true;
        };
    }

    /** The value the action gets, as the engine renders it: texts, lists, mappings and null. */
    private static Object literal(Value value) {
        return switch (value) {
            case Value.Text text -> text.template().literalStart();
            case Value.Scalar scalar -> scalar.value();
            case Value.Items items -> {
                List<Object> list = new ArrayList<>();
                items.items().forEach(item -> list.add(literal(item)));
                yield Collections.unmodifiableList(list);
            }
            case Value.Fields fields -> {
                Map<String, Object> map = new LinkedHashMap<>();
                fields.fields().forEach((key, item) -> map.put(key, literal(item)));
                yield Collections.unmodifiableMap(map);
            }
            case Value.Null nothing -> null;
        };
    }
}
