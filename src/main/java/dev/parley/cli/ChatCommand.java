package dev.parley.cli;

import dev.parley.config.ConfigLoader;
import dev.parley.config.EnvironmentConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.FlowValidation;
import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.action.FlowActions;
import dev.parley.flow.action.InvalidPluginException;
import dev.parley.flow.engine.FlowCatalog;
import dev.parley.flow.engine.FlowEngine;
import dev.parley.store.Database;
import dev.parley.store.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley chat FILE}: talks to a flow in the terminal, as a contact would, with the sandbox
 * environment's params and a throw-away database. Exit codes: 0 when the chat ends, 1 when the flow
 * has errors, 2 for a usage error.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk to a flow in the terminal: choices as numbered options, action calls logged.")
public final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the flow file (.yml, .yaml or .json)")
    Path file;

    @Option(names = "--config", paramLabel = "FILE",
            description = "parley.yml whose environment params the flow reads as env.* (default ./parley.yml when present)")
    Optional<Path> config = Optional.empty();

    @Option(names = "--env", paramLabel = "NAME", description = "the environment of the config (default sandbox)")
    Optional<String> env = Optional.empty();

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of action node plugin jars (default ./plugins)")
    Path plugins = Path.of("plugins");

    @Option(names = "--name", paramLabel = "NAME", description = "the contact's name the flow sees")
    Optional<String> name = Optional.empty();

    private final InputStream in;
    private final boolean quiet;
    private final Path workingDir;

    /** The chat of the command line: reads standard input; the server's INFO logs stay out of the chat. */
    public ChatCommand() {
        this(System.in, true, Path.of(""));
    }

    /** A chat reading the contact's lines from {@code in}, looking for a {@code parley.yml} in {@code workingDir}. */
    public ChatCommand(InputStream in, Path workingDir) {
        this(in, false, workingDir);
    }

    private ChatCommand(InputStream in, boolean quiet, Path workingDir) {
        this.in = in;
        this.quiet = quiet;
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (quiet && System.getenv("PARLEY_LOG_LEVEL") == null) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Optional<EnvironmentConfig> environment = environment();
        FlowActions actions;
        try {
            actions = new FlowActions(ActionNodes.load(plugins, ActionNodes.BuiltIns.of(Optional.empty())),
                    TerminalBraze.callers());
        } catch (InvalidPluginException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plugins: " + e.getMessage(), e);
        }
        FlowLoader loader = new FlowLoader(actions.parameters());
        FlowValidation validation = loader.validate(file);
        if (!validation.isValid()) {
            validation.problems().forEach(out::println);
            out.println(validation.source() + ": invalid (" + validation.errors().size() + " error"
                    + (validation.errors().size() == 1 ? "" : "s") + ")");
            out.flush();
            return 1;
        }
        validation.warnings().forEach(out::println);
        Path folder = Files.createTempDirectory("parley-chat");
        try (Database db = Database.open(DatabaseUrl.sqlite(folder.resolve("chat.db")));
                FlowCatalog catalog = new FlowCatalog(db, Clock.systemUTC(), loader)) {
            String flowId = catalog.register(file).flow().id();
            String envName = environment.map(EnvironmentConfig::name).orElse(env.orElse("sandbox"));
            FlowEngine engine = new FlowEngine(catalog, actions, Clock.systemUTC(), envName,
                    environment.map(EnvironmentConfig::params).orElse(Map.of()));
            return new ChatSession(engine, flowId, name, out).run(in, envName);
        } finally {
            delete(folder);
        }
    }

    /** The environment whose params the flow reads: {@code --env}, else sandbox, else the config's selected one. */
    private Optional<EnvironmentConfig> environment() {
        Path present = workingDir.resolve("parley.yml");
        Optional<Path> source = config.or(() -> Files.isRegularFile(present) ? Optional.of(present) : Optional.empty());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        ParleyConfig loaded = ConfigLoader.loadEnvironments(source.get(), System.getenv());
        if (env.isPresent()) {
            return Optional.of(Optional.ofNullable(loaded.environments().get(env.get())).orElseThrow(() ->
                    new IllegalArgumentException("--env " + env.get() + " is not an environment of " + source.get()
                            + " (it has " + loaded.environments().keySet() + ")")));
        }
        return Optional.ofNullable(loaded.environments().get("sandbox")).or(loaded::activeEnvironment);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
