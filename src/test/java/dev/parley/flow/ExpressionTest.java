package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.flow.Expression.And;
import dev.parley.flow.Expression.BooleanLiteral;
import dev.parley.flow.Expression.Compare;
import dev.parley.flow.Expression.Exists;
import dev.parley.flow.Expression.Not;
import dev.parley.flow.Expression.NullLiteral;
import dev.parley.flow.Expression.NumberLiteral;
import dev.parley.flow.Expression.Operator;
import dev.parley.flow.Expression.Or;
import dev.parley.flow.Expression.TextLiteral;
import dev.parley.flow.Expression.Variable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanBoth() {
        assertThat(ExpressionParser.parse("a or b and not c")).isEqualTo(
                new Or(variable("a"), new And(variable("b"), new Not(variable("c")))));
        assertThat(ExpressionParser.parse("(a or b) and c")).isEqualTo(
                new And(new Or(variable("a"), variable("b")), variable("c")));
    }

    @Test
    void comparisonsTakeLiteralsAndPaths() {
        assertThat(ExpressionParser.parse("order.total >= -12.5")).isEqualTo(
                new Compare(Operator.GREATER_OR_EQUAL, variable("order", "total"), new NumberLiteral(new BigDecimal("-12.5"))));
        assertThat(ExpressionParser.parse("status != 'it\\'s shipped'")).isEqualTo(
                new Compare(Operator.NOT_EQUAL, variable("status"), new TextLiteral("it's shipped")));
        assertThat(ExpressionParser.parse("vip == true")).isEqualTo(
                new Compare(Operator.EQUAL, variable("vip"), new BooleanLiteral(true)));
        assertThat(ExpressionParser.parse("contact.email == null")).isEqualTo(
                new Compare(Operator.EQUAL, variable("contact", "email"), new NullLiteral()));
        assertThat(ExpressionParser.parse("\"a\" < name")).isEqualTo(
                new Compare(Operator.LESS, new TextLiteral("a"), variable("name")));
    }

    @Test
    void existsTestsAPathAndNotNegatesIt() {
        Expression expression = ExpressionParser.parse("not exists(contact.email) and page_tags.pricing-page == 'seen'");

        assertThat(expression).isEqualTo(new And(
                new Not(new Exists(new VariablePath(List.of("contact", "email")))),
                new Compare(Operator.EQUAL, variable("page_tags", "pricing-page"), new TextLiteral("seen"))));
        assertThat(expression.variables()).extracting(VariablePath::toString)
                .containsExactly("contact.email", "page_tags.pricing-page");
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                     | empty condition: write one such as order.status == 'shipped'",
        "`age >= 18 && vip`     | unexpected '&' at column 11; write 'and'",
        "`a || b`               | `unexpected '|' at column 3; write 'or'`",
        "`age = 18`             | unexpected '=' at column 5; write '==' to compare",
        "`!vip`                 | unexpected '!' at column 1; write 'not'",
        "`age >`                | expected a value, a variable or '(' at column 6, found the end",
        "`(age > 1`             | expected ')' at column 9, found the end",
        "`age > 1 > 0`          | expected 'and', 'or' or the end of the condition at column 9, found '>'",
        "`vip < true`           | '<' at column 5 orders numbers or texts; compare true, false or null with == or !=",
        "`exists(1)`            | expected a variable inside exists(…) at column 8, found '1'",
        "`exists name`          | expected '(' after exists at column 8, found 'name'",
        "`name == 'open`        | quote at column 9 is not closed",
        "`a and or b`           | expected a value, a variable or '(' at column 7, found 'or'",
        "`order. == 1`          | 'order.' is not a variable: write names of letters, digits, '_' or '-' joined by dots, such as contact.name or order.status (column 1)",
        "`a # b`                | unexpected '#' at column 3",
    })
    void malformedConditionsAreRefused(String source, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(source)).isInstanceOf(SyntaxException.class).hasMessage(message);
    }

    private static Variable variable(String... segments) {
        return new Variable(new VariablePath(List.of(segments)));
    }
}
