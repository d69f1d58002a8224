package dev.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley} — the command line: serve, migrate, bench, flow, chat, nlu. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "Parley 0.1",
        description = "Self-hosted conversational messaging platform.",
        subcommands = {ServeCommand.class, MigrateCommand.class, BenchCommand.class, FlowCommand.class,
                ChatCommand.class, NluCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("PARLEY_LOG_FORMAT"))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
