package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRenderingTest {

    @ParameterizedTest(name = "{0} options, labels of {1} characters → {2}")
    @CsvSource({
        "1, 5, BUTTON_TEMPLATE",
        "3, 20, BUTTON_TEMPLATE",
        "3, 21, BUBBLES",
        "4, 5, LIST_TEMPLATE",
        "10, 20, LIST_TEMPLATE",
        "10, 21, BUBBLES",
        "11, 5, BUBBLES",
        "20, 5, BUBBLES",
    })
    void autoPicksTheFormByCountAndLabelLength(int count, int labelLength, ChoiceRendering expected) {
        List<ChoiceOption> options = IntStream.range(0, count)
                .mapToObj(i -> new ChoiceOption("o" + i, "x".repeat(labelLength), "next", List.of()))
                .toList();

        assertThat(ChoiceRendering.auto(options)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "render: {0} with {1} options")
    @CsvSource({
        "buttons, 3, true",
        "buttons, 4, false",
        "list, 10, true",
        "list, 11, false",
        "bubbles, 20, true",
        "auto, 20, true",
    })
    void aForcedFormMustFitItsLimit(String render, int count, boolean valid) {
        StringBuilder flow = new StringBuilder("id: menu\nstart: menu\nnodes:\n  menu:\n    say: Pick\n    render: ")
                .append(render).append("\n    choices:\n");
        IntStream.range(0, count).forEach(i -> flow.append("      - { id: o").append(i).append(", label: Option ")
                .append(i).append(", next: bye }\n"));
        flow.append("  bye: { end: true }\n");

        FlowValidation result = FlowLoader.withBuiltInActions().validate(flow.toString(), "menu.yml");

        assertThat(result.isValid()).as(result.problems().toString()).isEqualTo(valid);
    }
}
