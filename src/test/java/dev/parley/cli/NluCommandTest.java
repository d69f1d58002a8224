package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NluCommandTest {
    private static final String TRAIN = "src/test/resources/nlu/banking77-sample-train.csv";
    private static final String TEST = "src/test/resources/nlu/banking77-sample-test.csv";
    private static final String FLOW = "src/test/resources/flows/helpdesk-intents.yml";

    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new NluCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void evalTrainsOnOneDataSetAndReportsAccuracyLatencyAndConfusionsOnTheOther() {
        int code = run("eval", "--train", TRAIN, "--test", TEST, "--encoder", "none", "--per-intent", "5", "--seed", "3");

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("training on 35 examples (5 per intent, seed 3), testing on 70; encoder none\n")
                .containsPattern("intents: 7, training: [0-9.]+ s, latency p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms,"
                        + " max [0-9.]+ ms\n")
                .containsPattern("CPU time per text \\(this thread\\): p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms,"
                        + " max [0-9.]+ ms\n")
                .containsPattern("accuracy: [0-9.]+ % \\(70 texts\\)")
                .containsPattern("card_arrival +10 +[0-9.]+% +[0-9.]+%");
    }

    @Test
    void aMalformedDataSetIsRefusedWithItsLine() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.csv"), "text,label\nhello,greeting\nno label here\n");

        assertThat(run("eval", "--train", bad.toString(), "--test", TEST)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(bad + ":3: a row needs two non-empty columns, text and label; got 1"
                + " column(s)\n");
        assertThat(run("eval", "--train", TRAIN, "--test", TEST, "--per-intent", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--per-intent must be at least 1");
    }

    @Test
    void testCrossValidatesTheFlowsExamplesInEachLanguage() {
        int code = run("test", FLOW, "--folds", "3");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("helpdesk [en]: 4 intents, 24 examples, 3-fold cross-validation (seed 1)\n")
                .contains("helpdesk [de]: 4 intents, 24 examples, 3-fold cross-validation (seed 1)\n")
                .containsPattern("human +6 +[0-9.]+% +[0-9.]+%");
        assertThat(run("test", "src/test/resources/flows/broken/intents.yml")).isEqualTo(1);
        assertThat(err.toString()).contains("intents.yml:14: nlu.global.humn: unknown intent 'humn'");
    }
}
