package dev.parley.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * A condition of a branch node ({@code if: [{ when: "…" }]}), parsed when the flow is loaded.
 * The grammar and the meaning of each form are in {@code docs/flows.md}; in short:
 * comparisons {@code == != < > <= >=}, {@code and}, {@code or}, {@code not}, parentheses,
 * {@code exists(path)}, variable paths and the literals {@code 'text'}, {@code 12.5},
 * {@code true}, {@code false}, {@code null}.
 */
public sealed interface Expression permits Expression.Compare, Expression.And, Expression.Or, Expression.Not,
        Expression.Exists, Expression.Variable, Expression.TextLiteral, Expression.NumberLiteral,
        Expression.BooleanLiteral, Expression.NullLiteral {

    /** A comparison operator. */
    enum Operator {
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        /** True for {@code < > <= >=}, which only order numbers and texts. */
        public boolean isOrdering() {
            return this != EQUAL && this != NOT_EQUAL;
        }
    }

    /** {@code left <op> right}. */
    record Compare(Operator operator, Expression left, Expression right) implements Expression {
    }

    /** {@code left and right}. */
    record And(Expression left, Expression right) implements Expression {
    }

    /** {@code left or right}. */
    record Or(Expression left, Expression right) implements Expression {
    }

    /** {@code not operand}. */
    record Not(Expression operand) implements Expression {
    }

    /** {@code exists(path)}: the value is present and not null. */
    record Exists(VariablePath variable) implements Expression {
    }

    /** The value of a variable path. */
    record Variable(VariablePath variable) implements Expression {
    }

    /** {@code 'text'} or {@code "text"}. */
    record TextLiteral(String value) implements Expression {
    }

    /** {@code 42}, {@code -1.5}. */
    record NumberLiteral(BigDecimal value) implements Expression {
    }

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements Expression {
    }

    /** {@code null}. */
    record NullLiteral() implements Expression {
    }

    /** The variable paths this expression reads, left to right. */
    default List<VariablePath> variables() {
        return switch (this) {
            case Compare compare -> both(compare.left(), compare.right());
            case And and -> both(and.left(), and.right());
            case Or or -> both(or.left(), or.right());
            case Not not -> not.operand().variables();
            case Exists exists -> List.of(exists.variable());
            case Variable variable -> List.of(variable.variable());
            case TextLiteral text -> List.of();
            case NumberLiteral number -> List.of();
            case BooleanLiteral bool -> List.of();
            case NullLiteral nothing -> List.of();
        };
    }

    private static List<VariablePath> both(Expression left, Expression right) {
        return Stream.concat(left.variables().stream(), right.variables().stream()).toList();
    }
}
