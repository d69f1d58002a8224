package dev.parley.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes {@code docs/BENCHMARKS.md}: what was measured, how, where, and the figures next to the
 * targets. A hand-written {@code ## Analysis} section already in the file is kept as it is.
 */
final class BenchmarksDoc {
    static final String ANALYSIS = "## Analysis";
    private static final int TARGET_RATE = 500;
    private static final double TARGET_THROUGHPUT = 2000;
    private static final long TARGET_P99_MICROS = 50_000;

    private BenchmarksDoc() {}

    static String render(BenchReport report, String existing) {
        BenchOptions o = report.options();
        StringBuilder md = new StringBuilder();
        md.append(BenchmarksText.intro(o));
        md.append("## Command\n\n```\n").append(o.command()).append("\n```\n\n");
        md.append(machine(report));
        md.append(results(report));
        md.append(targets(report));
        md.append(failures(report));
        int analysis = existing.indexOf(ANALYSIS);
        if (analysis >= 0) {
            md.append(existing.substring(analysis));
        }
        return md.toString();
    }

    private static String machine(BenchReport report) {
        Machine m = report.machine();
        return "## Machine\n\n| | |\n|---|---|\n"
                + "| date | " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        report.startedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC |\n"
                + "| CPUs (`nproc`) | " + m.cpus() + " × " + m.cpuModel() + " |\n"
                + "| memory | " + m.memory() + " |\n"
                + "| JDK | " + m.jdk() + " |\n"
                + "| OS | " + m.os() + " |\n"
                + "| load average (1, 5, 15 min) at the start and the end of the run | " + m.loadAverage() + "; "
                + report.loadAverageAtEnd() + " |\n\n";
    }

    private static String results(BenchReport report) {
        int rate = report.options().rate();
        StringBuilder md = new StringBuilder("## Results\n\n");
        md.append(String.format(Locale.ROOT, "| | round trips/s, closed loop | p50 at %,d/s | p99 at %,d/s "
                + "| p99.9 at %,d/s | max at %,d/s | p50, closed loop | round trips measured (closed loop + fixed rate) "
                + "| failed | cores busy in the closed loop: this process / whole machine |%n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|%n", rate, rate, rate, rate));
        for (TargetResult r : report.results()) {
            md.append(String.format(Locale.ROOT, "| %s | **%s** | %s | **%s** | %s | %s | %s | %s + %s | %s | %s |%n",
                    r.label(), Format.rate(r.closed().perSecond()), Format.millis(r.open().p50Micros()),
                    Format.millis(r.open().p99Micros()), Format.millis(r.open().p999Micros()),
                    Format.millis(r.open().maxMicros()), Format.millis(r.closed().p50Micros()),
                    Format.count(r.closed().roundTrips()), Format.count(r.open().roundTrips()),
                    Format.count(r.failed()), Format.cores(r.closed().cpu())));
        }
        return md.append('\n').toString();
    }

    private static String targets(BenchReport report) {
        Optional<TargetResult> sqlite = report.results().stream()
                .filter(r -> r.store().equals(Optional.of(BenchOptions.Store.SQLITE))).findFirst();
        StringBuilder md = new StringBuilder("## Targets\n\n| target | measured | |\n|---|--:|---|\n");
        if (sqlite.isEmpty()) {
            return md.append("| SQLite targets | not run (`--store` left SQLite out) | |\n\n").toString();
        }
        PhaseResult closed = sqlite.get().closed();
        PhaseResult open = sqlite.get().open();
        md.append("| SQLite: ≥ 2,000 bot round trips per second | ").append(Format.rate(closed.perSecond()))
                .append("/s | ").append(verdict(closed.perSecond() >= TARGET_THROUGHPUT && closed.failed() == 0))
                .append(" |\n");
        md.append("| SQLite: p99 < 50 ms at 500/s | ").append(Format.millis(open.p99Micros())).append(" at ")
                .append(Format.count(report.options().rate())).append("/s | ");
        if (report.options().rate() != TARGET_RATE) {
            md.append("not checked: this run used another rate");
        } else {
            md.append(verdict(open.p99Micros() < TARGET_P99_MICROS && open.failed() == 0));
        }
        return md.append(" |\n\n").toString();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String failures(BenchReport report) {
        StringBuilder md = new StringBuilder("## Failures\n\n");
        if (report.failed() == 0) {
            return md.append("None: every request was answered as expected and every reply arrived in time.\n\n")
                    .toString();
        }
        for (TargetResult r : report.results()) {
            r.closed().failures().forEach((kind, n) -> md.append(String.format(Locale.ROOT,
                    "- %s, closed loop (warm-up included): %,d × %s%n", r.label(), n, kind)));
            r.open().failures().forEach((kind, n) -> md.append(String.format(Locale.ROOT,
                    "- %s, fixed rate: %,d × %s%n", r.label(), n, kind)));
        }
        if (report.botRejected() > 0) {
            md.append(String.format(Locale.ROOT, "- the bot could not parse %,d webhook calls%n", report.botRejected()));
        }
        return md.append('\n').toString();
    }
}
