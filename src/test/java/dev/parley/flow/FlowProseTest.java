package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlowProseTest {
    private static final FlowLoader LOADER = FlowLoader.withBuiltInActions();

    private static String flow(String hello) {
        return "id: f\nstart: hello\nnodes:\n  hello:\n" + hello + "    end: true\n";
    }

    @Test
    void singleLineBreaksOfABlockScalarFoldWhileParagraphsAndListsStay() {
        Flow flow = LOADER.validate(flow("""
                    say: |
                      This conversation runs a flow: a YAML file
                      with nodes.

                      Try:
                      - a choice
                      - a question
                """), "f.yml").orElseThrow();

        Node.End hello = (Node.End) flow.node("hello").orElseThrow();
        assertThat(hello.say().orElseThrow().text().orElseThrow().source())
                .isEqualTo("This conversation runs a flow: a YAML file with nodes.\n\nTry:\n- a choice\n- a question");
    }

    @Test
    void markdownInAPlainTextIsAWarningNamingTheMark() {
        FlowValidation result = LOADER.validate(flow("    say: \"I am the **demo bot**.\"\n"), "f.yml");

        assertThat(result.problems()).extracting(FlowProblem::toString).containsExactly(
                "f.yml:5: nodes.hello.say: warning: '**demo bot**' looks like markdown, which a plain text shows as"
                        + " it is: add text_format: markdown_v1");
        assertThat(LOADER.validate(flow("    say: \"I am the **demo bot**.\"\n    text_format: markdown_v1\n"),
                "f.yml").problems()).isEmpty();
    }

    @Test
    void theDemoFlowHasNoProblems() {
        assertThat(LOADER.validate(Path.of("src/main/resources/demo/welcome.yml")).problems()).isEmpty();
    }
}
