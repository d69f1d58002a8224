package dev.parley.flow;

import dev.parley.flow.Expression.Operator;
import dev.parley.flow.ExpressionLexer.Kind;
import dev.parley.flow.ExpressionLexer.Token;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of conditions:
 * <pre>
 * condition  := or END
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | comparison
 * comparison := operand (("==" | "!=" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=") operand)?
 * operand    := "(" or ")" | "exists" "(" path ")" | text | number | "true" | "false" | "null" | path
 * </pre>
 */
final class ExpressionParser {

    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "exists", "true", "false", "null");

    private final List<Token> tokens;
    private int index;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code source}; throws {@link SyntaxException} naming the column and what was expected. */
    static Expression parse(String source) {
        if (source.isBlank()) {
            throw new SyntaxException("empty condition: write one such as order.status == 'shipped'");
        }
        ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokens(source));
        Expression expression = parser.or();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected("'and', 'or' or the end of the condition");
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (isKeyword("or")) {
            index++;
            left = new Expression.Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = unary();
        while (isKeyword("and")) {
            index++;
            left = new Expression.And(left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (isKeyword("not")) {
            index++;
            return new Expression.Not(unary());
        }
        Expression left = operand();
        if (peek().kind() != Kind.OPERATOR) {
            return left;
        }
        Token symbol = tokens.get(index++);
        Operator operator = Arrays.stream(Operator.values())
                .filter(candidate -> candidate.symbol().equals(symbol.text()))
                .findFirst()
                .orElseThrow();
        Expression right = operand();
        if (operator.isOrdering() && (isUnordered(left) || isUnordered(right))) {
            throw new SyntaxException("'" + operator.symbol() + "' at column " + symbol.column()
                    + " orders numbers or texts; compare true, false or null with == or !=");
        }
        return new Expression.Compare(operator, left, right);
    }

    private Expression operand() {
        Token token = peek();
        return switch (token.kind()) {
            case OPEN -> {
                index++;
                Expression inner = or();
                expect(Kind.CLOSE, "')'");
                yield inner;
            }
            case TEXT -> {
                index++;
                yield new Expression.TextLiteral(token.text());
            }
            case NUMBER -> {
                index++;
                yield new Expression.NumberLiteral(new BigDecimal(token.text()));
            }
            case NAME -> {
                index++;
                yield named(token);
            }
            case OPERATOR, CLOSE, END -> throw unexpected("a value, a variable or '('");
        };
    }

    private Expression named(Token token) {
        return switch (token.text()) {
            case "true" -> new Expression.BooleanLiteral(true);
            case "false" -> new Expression.BooleanLiteral(false);
            case "null" -> new Expression.NullLiteral();
            case "exists" -> {
                expect(Kind.OPEN, "'(' after exists");
                Token name = expect(Kind.NAME, "a variable inside exists(…)");
                expect(Kind.CLOSE, "')'");
                yield new Expression.Exists(path(name));
            }
            case "and", "or", "not" -> {
                index--;
                throw unexpected("a value, a variable or '('");
            }
            default -> new Expression.Variable(path(token));
        };
    }

    private static VariablePath path(Token token) {
        try {
            return VariablePath.parse(token.text());
        } catch (SyntaxException e) {
            throw new SyntaxException(e.getMessage() + " (column " + token.column() + ")");
        }
    }

    private static boolean isUnordered(Expression expression) {
        return expression instanceof Expression.BooleanLiteral || expression instanceof Expression.NullLiteral;
    }

    private Token expect(Kind kind, String expected) {
        if (peek().kind() != kind) {
            throw unexpected(expected);
        }
        return tokens.get(index++);
    }

    private boolean isKeyword(String keyword) {
        return peek().kind() == Kind.NAME && peek().text().equals(keyword);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private SyntaxException unexpected(String expected) {
        Token token = peek();
        return new SyntaxException("expected " + expected + " at column " + token.column() + ", found "
                + token.describe());
    }
}
