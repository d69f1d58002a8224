package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.flow.Template.Literal;
import dev.parley.flow.Template.Placeholder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    @Test
    void placeholdersAndTextAlternate() {
        Template template = Template.parse("Hi {{contact.name | default: 'there' | upper}}, order {{ order.items.0.sku }}!");

        assertThat(template.parts()).containsExactly(
                new Literal("Hi "),
                new Placeholder(path("contact", "name"), List.of(new Template.Default("there"), new Template.Upper())),
                new Literal(", order "),
                new Placeholder(path("order", "items", "0", "sku"), List.of()),
                new Literal("!"));
        assertThat(template.variables()).extracting(VariablePath::toString).containsExactly("contact.name", "order.items.0.sku");
        assertThat(template.isConstant()).isFalse();
    }

    @Test
    void everyFilterParses() {
        Template template = Template.parse("{{ dob | trim | lower | date: \"dd.MM.yyyy\" | default: 0 }}");

        assertThat(((Placeholder) template.parts().get(0)).filters()).containsExactly(new Template.Trim(),
                new Template.Lower(), new Template.DateFormat("dd.MM.yyyy"), new Template.Default("0"));
    }

    @Test
    void textWithoutPlaceholdersIsConstant() {
        Template template = Template.parse("Just text, with } and { and a lone }} too");

        assertThat(template.isConstant()).isTrue();
        assertThat(template.parts()).containsExactly(new Literal("Just text, with } and { and a lone }} too"));
        assertThat(Template.parse("").parts()).isEmpty();
    }

    @Test
    void aDefaultMayContainPipesAndSpacesWhenQuoted() {
        Template template = Template.parse("{{ topic | default: 'a | b' }}");

        assertThat(((Placeholder) template.parts().get(0)).filters()).containsExactly(new Template.Default("a | b"));
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Hi {{contact.name`                 | '{{' at column 4 is not closed: end the placeholder with '}}'",
        "`{{ }}`                             | empty placeholder at column 1: name a variable, as in {{contact.name}}",
        "`{{ name | uper }}`                 | unknown filter 'uper' at column 11; did you mean 'upper'? (filters: default, upper, lower, trim, date, raw)",
        "`{{ name | default }}`              | filter 'default' needs a value, as in default: 'there'",
        "`{{ name | upper: 'x' }}`           | filter 'upper' takes no value; remove ': x'",
        "`{{ dob | date: 'yyyy-bb' }}`       | 'yyyy-bb' is not a date pattern (Unknown pattern letter: b); use letters such as yyyy-MM-dd or dd.MM.yyyy",
        "`{{ order..id }}`                   | 'order..id' is not a variable: write names of letters, digits, '_' or '-' joined by dots, such as contact.name or order.status (column 4)",
        "`{{ first name }}`                  | `expected '|' before a filter or '}}' at column 10, found 'n'`",
        "`{{ name | default: 'x }}`          | quote at column 20 is not closed",
        "`{{ 'text' }}`                      | expected a variable name at column 4, found '''",
        "`{{ 0abc }}`                        | '0abc' is not a variable: write names of letters, digits, '_' or '-' joined by dots, such as contact.name or order.status (column 4)",
    })
    void malformedPlaceholdersAreRefused(String text, String message) {
        assertThatThrownBy(() -> Template.parse(text)).isInstanceOf(SyntaxException.class).hasMessage(message);
    }

    private static VariablePath path(String... segments) {
        return new VariablePath(List.of(segments));
    }
}
