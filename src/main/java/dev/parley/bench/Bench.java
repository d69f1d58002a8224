package dev.parley.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot round-trip benchmark: web contacts write to Parley, a minimal local bot answers through the
 * webhook, the reply comes back on each contact's stream. Runs per store, then on Parley nodes of their
 * own, then through the storeless relay and straight against the bot for reference, and prints (and
 * optionally writes) the figures.
 */
public final class Bench {
    private Bench() {}

    /**
     * Runs the benchmark; returns the process exit code: 0, 1 when any round trip failed, 2 when the
     * benchmark could not run (a server did not start, PostgreSQL was not there).
     */
    public static int run(BenchOptions options, PrintStream out) {
        BenchReport report;
        try {
            report = measure(options, out);
        } catch (BenchException e) {
            out.println("parley bench: " + e.getMessage());
            return 2;
        }
        out.println();
        out.print(ResultTable.render(report));
        options.docs().ifPresent(path -> {
            write(path, BenchmarksDoc.render(report, existing(path)));
            out.println("wrote " + path);
        });
        return report.failed() == 0 ? 0 : 1;
    }

    static BenchReport measure(BenchOptions options, PrintStream out) {
        Instant started = Instant.now();
        Machine machine = Machine.describe();
        List<TargetResult> results = new ArrayList<>();
        try (EchoBot bot = EchoBot.start()) {
            for (BenchOptions.Store store : options.stores()) {
                out.println("Parley on " + store.label() + ": starting…");
                try (ParleyTarget target = ParleyTarget.start(store, bot, options.timeout())) {
                    results.add(TargetRun.run(target, options, out));
                }
            }
            if (options.nodes() > 0) {
                out.println("Parley on PostgreSQL, " + options.nodes() + " node processes and Redis: starting…");
                try (NodesTarget target = NodesTarget.start(options.nodes(), options.redisUrl(), bot,
                        options.timeout())) {
                    results.add(TargetRun.run(target, options, out));
                }
            }
            if (options.relay()) {
                out.println("Relay, nothing stored:");
                try (RelayTarget target = RelayTarget.start(bot, options.timeout())) {
                    results.add(TargetRun.run(target, options, out));
                }
            }
            if (options.reference()) {
                out.println("Reference, the bot alone:");
                try (ReferenceTarget target = new ReferenceTarget(bot, options.timeout())) {
                    results.add(TargetRun.run(target, options, out));
                }
            }
            return new BenchReport(options, started, machine, results, bot.rejected(), Machine.describe().loadAverage());
        }
    }

    private static String existing(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
