package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One file per kind of mistake under {@code flows/broken/}; each names the problems it must
 * produce in {@code # expect: line: path: message} comments, exactly as printed after the file name.
 */
class BrokenFlowsTest {

    private static final String EXPECT = "# expect: ";

    static Stream<Path> brokenFlows() throws IOException {
        try (Stream<Path> files = Files.list(FlowLoaderTest.FIXTURES.resolve("broken"))) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFlows")
    void reportsExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file).stream()
                .filter(line -> line.startsWith(EXPECT))
                .map(line -> file + ":" + line.substring(EXPECT.length()))
                .toList();
        assertThat(expected).as("expectations in " + file).isNotEmpty();

        FlowValidation result = FlowLoader.withBuiltInActions().validate(file);

        assertThat(result.problems()).extracting(FlowProblem::toString).containsExactlyElementsOf(expected);
        assertThat(result.isValid()).isEqualTo(result.problems().stream().noneMatch(FlowProblem::isError));
    }
}
