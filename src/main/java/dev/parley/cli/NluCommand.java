package dev.parley.cli;

import dev.parley.nlu.Embeddings;
import dev.parley.nlu.Evaluation;
import dev.parley.nlu.Example;
import dev.parley.nlu.InvalidDataException;
import dev.parley.nlu.LabelledCsv;
import dev.parley.nlu.Sample;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley nlu eval} and {@code parley nlu test FLOW}: how well intents are recognised. */
@Command(name = "nlu", mixinStandardHelpOptions = true, description = "Measure intent recognition.",
        subcommands = {NluCommand.Eval.class, NluTestCommand.class})
public final class NluCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The sentence encoder to combine with the n-grams. */
    enum Encoder {
        minilm, none;

        Embeddings embeddings() {
            return switch (this) {
                case minilm -> Embeddings.miniLm();
                case none -> Embeddings.none();
            };
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Train on one text,label CSV and measure on another.")
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "CSV", description = "training data: text,label rows after a header")
        Path train;

        @Option(names = "--test", required = true, paramLabel = "CSV", description = "test data, same form")
        Path test;

        @Option(names = "--per-intent", paramLabel = "N", description = "train on N examples per intent, drawn at random")
        Optional<Integer> perIntent = Optional.empty();

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the --per-intent draw (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--encoder", defaultValue = "minilm", description = "sentence encoder joined to the n-grams: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        Encoder encoder;

        @Option(names = "--confusions", defaultValue = "10", paramLabel = "N", description = "how many confused pairs to list (default ${DEFAULT-VALUE})")
        int confusions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (perIntent.isPresent() && perIntent.get() < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--per-intent must be at least 1");
            }
            List<Example> trainSet;
            List<Example> testSet;
            try {
                trainSet = LabelledCsv.read(train);
                testSet = LabelledCsv.read(test);
            } catch (InvalidDataException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            List<Example> used = perIntent.map(n -> Sample.perIntent(trainSet, n, seed)).orElse(trainSet);
            out.printf("training on %d examples%s, testing on %d; encoder %s%n", used.size(),
                    perIntent.map(n -> " (" + n + " per intent, seed " + seed + ")").orElse(""), testSet.size(), encoder);
            out.flush();
            Evaluation evaluation = Evaluation.run(used, testSet, encoder.embeddings());
            new ScoresPrinter(out).print(evaluation, confusions);
            return 0;
        }
    }
}
