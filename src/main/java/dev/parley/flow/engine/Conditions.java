package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.parley.flow.Expression;
import java.math.BigDecimal;
import java.util.Optional;

/** Evaluates a branch condition as docs/flows.md defines it. */
final class Conditions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Conditions() {
    }

    static boolean holds(Expression expression, FlowData data) {
        return truthy(value(expression, data));
    }

    private static JsonNode value(Expression e, FlowData data) {
        return switch (e) {
            case Expression.Compare c -> JSON.booleanNode(compare(c.operator(), value(c.left(), data),
                    value(c.right(), data)));
            case Expression.And and -> JSON.booleanNode(holds(and.left(), data) && holds(and.right(), data));
            case Expression.Or or -> JSON.booleanNode(holds(or.left(), data) || holds(or.right(), data));
            case Expression.Not not -> JSON.booleanNode(!holds(not.operand(), data));
            case Expression.Exists exists -> {
                JsonNode v = data.read(exists.variable());
                yield JSON.booleanNode(!v.isMissingNode() && !v.isNull());
            }
            case Expression.Variable variable -> data.read(variable.variable());
            case Expression.TextLiteral text -> JSON.textNode(text.value());
            case Expression.NumberLiteral number -> JSON.numberNode(number.value());
            case Expression.BooleanLiteral bool -> JSON.booleanNode(bool.value());
            case Expression.NullLiteral nothing -> JSON.nullNode();
        };
    }

    /** A path alone is true unless it is missing, null, false, 0 or empty text. */
    static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.decimalValue().signum() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return true;
    }

    private static boolean compare(Expression.Operator op, JsonNode left, JsonNode right) {
        Optional<BigDecimal> l = number(left);
        Optional<BigDecimal> r = number(right);
        if (!op.isOrdering()) {
            boolean equal = l.isPresent() && r.isPresent() ? l.get().compareTo(r.get()) == 0 : same(left, right);
            return op == Expression.Operator.EQUAL == equal;
        }
        int order;
        if (l.isPresent() && r.isPresent()) {
            order = l.get().compareTo(r.get());
        } else if (left.isValueNode() && right.isValueNode() && !left.isNull() && !right.isNull()) {
            order = left.asText().compareTo(right.asText());
        } else {
            return false;
        }
        return switch (op) {
            case LESS -> order < 0;
            case GREATER -> order > 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case EQUAL, NOT_EQUAL -> throw new IllegalStateException("not an ordering: " + op);
        };
    }

    private static boolean same(JsonNode left, JsonNode right) {
        boolean leftNull = left.isMissingNode() || left.isNull();
        boolean rightNull = right.isMissingNode() || right.isNull();
        if (leftNull || rightNull) {
            return leftNull && rightNull;
        }
        if (left.isBoolean() || right.isBoolean()) {
            return left.isBoolean() && right.isBoolean() ? left.booleanValue() == right.booleanValue()
                    : left.asText().equals(right.asText());
        }
        return left.equals(right) || (left.isValueNode() && right.isValueNode()
                && left.asText().equals(right.asText()));
    }

    /** Numbers, also numbers written as text such as a saved answer. */
    private static Optional<BigDecimal> number(JsonNode v) {
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(new BigDecimal(v.textValue().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
