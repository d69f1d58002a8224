package dev.parley.cli;

import dev.parley.flow.Flow;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.FlowValidation;
import dev.parley.nlu.CrossValidation;
import dev.parley.nlu.Scores;
import dev.parley.nlu.Understanding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley nlu test FLOW}: cross-validates a flow's intent examples, per language. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "k-fold cross-validation of a flow's intent examples: accuracy, precision and recall per"
                + " intent, the most confused pairs.")
final class NluTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    FlowCommand.Actions actions = new FlowCommand.Actions();

    @Parameters(paramLabel = "FLOW", description = "the flow file")
    Path file;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the fold assignment (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (folds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        PrintWriter out = spec.commandLine().getOut();
        FlowValidation validation = actions.loader(spec.commandLine()).validate(file);
        if (validation.flow().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            validation.errors().forEach(problem -> err.println(problem));
            err.flush();
            return 1;
        }
        Flow flow = validation.flow().get();
        Understanding understanding = flow.nlu().understanding();
        if (!understanding.hasIntents()) {
            out.println(file + ": the flow declares no intents (nlu.intents)");
            out.flush();
            return 1;
        }
        for (String language : understanding.languages()) {
            var examples = understanding.examplesOf(language);
            out.printf("%s [%s]: %d intents, %d examples, %d-fold cross-validation (seed %d)%n", flow.id(), language,
                    understanding.examples(language).size(), examples.size(), folds, seed);
            Scores scores = CrossValidation.run(examples, folds, seed, Understanding.embeddingsFor(language));
            new ScoresPrinter(out).print(scores, 5);
        }
        return 0;
    }
}
