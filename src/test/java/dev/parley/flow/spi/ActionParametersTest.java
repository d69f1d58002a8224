package dev.parley.flow.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionParametersTest {
    private static final ActionParameters WEATHER = ActionParameters.of(
            ActionParameter.required("city", ParameterRule.text()),
            ActionParameter.optional("days_ahead", ParameterRule.wholeNumber(0, 6)),
            ActionParameter.optional("unit", ParameterRule.oneOf("c", "f")));

    private static List<String> messages(List<ParameterProblem> problems) {
        return problems.stream().map(ParameterProblem::message).toList();
    }

    @Test
    void undeclaredParametersAreNeverChecked() {
        assertThat(ActionParameters.any().check("acme.lookup", Map.of("anything", List.of(1), "url", "ftp://x")))
                .isEmpty();
    }

    @Test
    void unknownNamesGetTheClosestOneOrTheListOfNames() {
        assertThat(WEATHER.check("weather", Map.of("city", "Zurich", "unti", "c", "colour", "red")))
                .extracting(ParameterProblem::parameter, ParameterProblem::message)
                .containsExactlyInAnyOrder(
                        tuple("unti",
                                "action 'weather' has no parameter 'unti' (did you mean 'unit'?)"),
                        tuple("colour",
                                "action 'weather' has no parameter 'colour' (it takes city, days_ahead, unit)"));
        assertThat(messages(ActionParameters.of().check("ping", Map.of("x", "1"))))
                .containsExactly("action 'ping' has no parameter 'x' (it takes none)");
    }

    @Test
    void aRequiredParameterMustBeGivenAndNotEmpty() {
        assertThat(WEATHER.check("weather", Map.of())).containsExactly(
                new ParameterProblem("", "action 'weather' needs parameter 'city'"));
        assertThat(messages(WEATHER.check("weather", Map.of("city", "  "))))
                .containsExactly("action 'weather': city must not be empty");
    }

    @Test
    void anEmptyOptionalParameterCountsAsLeftOut() {
        assertThat(WEATHER.check("weather", Map.of("city", "Zurich", "unit", "", "days_ahead", " "))).isEmpty();
    }

    @Test
    void valuesFollowTheirRules() {
        assertThat(messages(WEATHER.check("weather", Map.of("city", List.of("Zurich"), "days_ahead", "9",
                "unit", "k")))).containsExactly(
                        "action 'weather': city must be a single value, not a list",
                        "action 'weather': days_ahead must be a whole number from 0 to 6, got 9",
                        "action 'weather': unit must be one of c, f, got 'k'");
        assertThat(WEATHER.check("weather", Map.of("city", 8001, "days_ahead", 2, "unit", " F "))).isEmpty();
        assertThat(messages(WEATHER.check("weather", Map.of("city", "Zurich", "days_ahead", "two"))))
                .containsExactly("action 'weather': days_ahead must be a whole number from 0 to 6, got 'two'");
    }

    @Test
    void aTemplateIsCheckedOnlyByItsLiteralStart() {
        Map<String, WrittenValue> written = Map.of(
                "city", new WrittenValue.Unknown(),
                "days_ahead", new WrittenValue.TextTemplate("1"),
                "unit", new WrittenValue.TextTemplate(" F"));
        assertThat(WEATHER.checkWritten("weather", written)).as("values that may render valid")
                .isEmpty();

        assertThat(messages(WEATHER.checkWritten("weather", Map.of("city", new WrittenValue.TextTemplate(""),
                "unit", new WrittenValue.TextTemplate("k"))))).containsExactly(
                        "action 'weather': unit must be one of c, f, got a text beginning 'k'");
    }

    @Test
    void othersMayBeAllowedAndAMisspeltOneIsPointedOut() {
        ActionParameters remote = ActionParameters.of(ActionParameter.required("url", ParameterRule.text()))
                .allowingOthers();

        assertThat(remote.check("remote", Map.of("url", "https://x", "program", "stars"))).isEmpty();
        assertThat(messages(remote.check("remote", Map.of("ulr", "https://x"))))
                .containsExactly("action 'remote' needs parameter 'url' (is 'ulr' meant to be 'url'?)");
    }

    @Test
    void oneOfAGroupMustBeGiven() {
        ActionParameters profile = ActionParameters.of(ActionParameter.optional("email", ParameterRule.text()),
                ActionParameter.optional("phone", ParameterRule.text())).needingOneOf("email", "phone");

        assertThat(profile.check("profile", Map.of("phone", "+41441234567"))).isEmpty();
        assertThat(messages(profile.check("profile", Map.of("email", ""))))
                .containsExactly("action 'profile' needs one of the parameters email, phone");
        assertThat(profile.checkWritten("profile", Map.of("email", new WrittenValue.TextTemplate("")))).isEmpty();
    }

    @Test
    void declarationsAreConsistent() {
        ActionParameter city = ActionParameter.required("city", ParameterRule.text());

        assertThatThrownBy(() -> ActionParameters.of(city, city)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'city' is declared twice");
        assertThatThrownBy(() -> ActionParameters.of(city).needingOneOf("town"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter 'town' is not declared");
    }
}
