package dev.parley.cli;

import dev.parley.flow.FlowGraph;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.FlowValidation;
import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.action.InvalidPluginException;
import dev.parley.flow.spi.ActionParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley flow validate FILE…} and {@code parley flow graph FILE}. Exit codes: 0 when every
 * file is a valid flow, 1 when one has errors, 2 for a usage error or an unwritable output.
 */
@Command(name = "flow", mixinStandardHelpOptions = true, description = "Check flow files and draw them.",
        subcommands = {FlowCommand.Validate.class, FlowCommand.Graph.class})
public final class FlowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the subcommands. */
    static final class Actions {
        @Option(names = "--action", paramLabel = "NAME",
                description = "also accept this action node name (an action of a plugin), its parameters unchecked;"
                        + " repeatable")
        List<String> extra = new ArrayList<>();

        @Option(names = "--plugins", paramLabel = "DIR",
                description = "also accept the action nodes of the plugin jars in this folder")
        Optional<Path> plugins = Optional.empty();

        FlowLoader loader(CommandLine command) {
            Map<String, ActionParameters> named = new HashMap<>();
            extra.forEach(name -> named.put(name, ActionParameters.any()));
            FlowLoader loader = FlowLoader.withBuiltInActions().withActions(named);
            try {
                return plugins.map(folder -> loader.withActions(
                        ActionNodes.load(folder, ActionNodes.BuiltIns.of(Optional.empty())).parameters()))
                        .orElse(loader);
            } catch (InvalidPluginException e) {
                throw new CommandLine.ParameterException(command, "--plugins: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check flow files; prints file:line: path: message for every problem.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        Actions actions = new Actions();

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "flow files (.yml, .yaml or .json)")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FlowLoader loader = actions.loader(spec.commandLine());
            boolean failed = false;
            for (Path file : files) {
                FlowValidation result = loader.validate(file);
                result.problems().forEach(out::println);
                out.println(summary(result));
                failed |= !result.isValid();
            }
            out.flush();
            return failed ? 1 : 0;
        }

        private static String summary(FlowValidation result) {
            int warnings = result.warnings().size();
            String warned = warnings == 0 ? "" : ", " + count(warnings, "warning");
            return result.flow()
                    .map(flow -> result.source() + ": valid (" + count(flow.nodes().size(), "node") + warned + ")")
                    .orElseGet(() -> result.source() + ": invalid (" + count(result.errors().size(), "error")
                            + warned + ")");
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = "Draw a flow as Mermaid text or as SVG.")
    static final class Graph implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        Actions actions = new Actions();

        @Parameters(paramLabel = "FILE", description = "the flow file")
        Path file;

        @Option(names = "--format", paramLabel = "mermaid|svg", defaultValue = "mermaid",
                description = "output format (default ${DEFAULT-VALUE})")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "write here instead of to standard output")
        Optional<Path> output;

        @Override
        public Integer call() {
            FlowGraph.Format chosen = format(format);
            PrintWriter out = spec.commandLine().getOut();
            FlowValidation result = actions.loader(spec.commandLine()).validate(file);
            if (!result.isValid()) {
                result.problems().forEach(out::println);
                out.println(result.source() + ": invalid, no graph drawn");
                out.flush();
                return 1;
            }
            String drawing = FlowGraph.of(result.orElseThrow()).render(chosen);
            if (output.isEmpty()) {
                out.print(drawing);
                out.flush();
                return 0;
            }
            try {
                Files.writeString(output.get(), drawing);
            } catch (IOException e) {
                spec.commandLine().getErr().println("parley: cannot write " + output.get() + ": " + e.getMessage());
                return 2;
            }
            result.warnings().forEach(out::println);
            out.println(result.source() + ": graph written to " + output.get());
            out.flush();
            return 0;
        }

        private FlowGraph.Format format(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "mermaid" -> FlowGraph.Format.MERMAID;
                case "svg" -> FlowGraph.Format.SVG;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format is mermaid or svg, not '" + name + "'");
            };
        }
    }
}
