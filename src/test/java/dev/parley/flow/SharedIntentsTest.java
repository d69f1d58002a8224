package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedIntentsTest {
    private static final FlowLoader LOADER = FlowLoader.withBuiltInActions();
    private static final String SHARED = """
            intents:
              human: ["Talk to a human", "I want to speak to a person", "Agent please"]
              stop: ["Stop", "Goodbye", "That's all, thanks"]
            entities:
              order_id: { pattern: "\\\\b(\\\\d{6})\\\\b" }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(dir.resolve("flows/shared"));
    }

    private Path flow(String nlu) throws IOException {
        Path file = dir.resolve("flows/shop.yml");
        Files.writeString(file, """
                id: shop
                start: welcome
                nlu:
                %s
                nodes:
                  welcome:
                    ask: "How can I help?"
                    save: request
                    on: { intent: { order_status: done, human: done }, no_match: welcome }
                  done: { say: "Bye.", end: true }
                """.formatted(nlu.indent(2).stripTrailing()));
        return file;
    }

    @Test
    void aFlowUsesTheSharedIntentsAndEntitiesBesideItsOwnAndItsOwnIntentWins() throws IOException {
        Files.writeString(dir.resolve("flows/shared/intents.yml"), SHARED);
        Path file = flow("""
                include: shared/intents.yml
                intents:
                  order_status: ["Where is my order?", "Track my package"]
                  stop: ["Quit"]""");

        FlowValidation result = LOADER.validate(file);

        assertThat(result.problems()).isEmpty();
        FlowNlu nlu = result.orElseThrow().nlu();
        assertThat(nlu.understanding().intents()).containsExactlyInAnyOrder("human", "stop", "order_status");
        assertThat(nlu.understanding().examples("en")).containsEntry("stop", List.of("Quit"))
                .containsEntry("human", List.of("Talk to a human", "I want to speak to a person", "Agent please"));
        assertThat(nlu.understanding().entities().custom()).containsExactly("order_id");
        assertThat(nlu.included()).contains(dir.resolve("flows/shared/intents.yml"));
    }

    @Test
    void aFlowMayTakeAllItsIntentsFromTheSharedFile() throws IOException {
        Files.writeString(dir.resolve("flows/shared/intents.yml"), SHARED);
        Path file = dir.resolve("flows/help.yml");
        Files.writeString(file, """
                id: help
                start: welcome
                nlu: { include: shared/intents.yml, global: { human: welcome } }
                nodes:
                  welcome: { ask: "Yes?", save: request, on: { intent: { stop: welcome }, no_match: welcome } }
                """);

        assertThat(LOADER.validate(file).problems()).isEmpty();
    }

    @Test
    void problemsInTheSharedFileNameThatFileAndItsLines() throws IOException {
        Files.writeString(dir.resolve("flows/shared/intents.yml"), """
                intents:
                  human: ["Talk to a human"]
                  "bad name!": ["Hello"]
                  stop: []
                colours: red
                """);
        Path file = flow("""
                include: shared/intents.yml
                intents:
                  order_status: ["Where is my order?"]""");

        List<String> problems = LOADER.validate(file).errors().stream().map(FlowProblem::toString).toList();

        String shared = Path.of(file.toString()).resolveSibling("shared/intents.yml").toString();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(shared + ":3:").contains("'bad name!'"))
                .anySatisfy(p -> assertThat(p).startsWith(shared + ":4:").contains("at least one example"))
                .anySatisfy(p -> assertThat(p).startsWith(shared + ":5:").contains("colours"));
    }

    @Test
    void aMissingOrAbsoluteIncludeIsAnErrorAtTheIncludeLine() throws IOException {
        Path missing = flow("""
                include: shared/nothing.yml
                intents: { order_status: ["Where is my order?"], human: ["Agent"] }""");
        assertThat(LOADER.validate(missing).errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("shared/nothing.yml").contains("no such file");
        });

        Path absolute = flow("""
                include: /etc/hostname
                intents: { order_status: ["Where is my order?"], human: ["Agent"] }""");
        assertThat(LOADER.validate(absolute).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("relative to this flow"));
    }

    @Test
    void aFlowGivenAsTextCannotInclude() {
        FlowValidation result = LOADER.validate("""
                id: shop
                start: welcome
                nlu:
                  include: shared/intents.yml
                  intents: { order_status: ["Where is my order?"], human: ["Agent"] }
                nodes:
                  welcome: { say: "Hi", end: true }
                """, "upload.yml");

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("include needs a flow read from a file");
        });
    }
}
