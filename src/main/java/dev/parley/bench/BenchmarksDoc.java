package dev.parley.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code docs/BENCHMARKS.md}: what was measured, how, where, and the figures next to the
 * targets. A hand-written {@code ## Analysis} section already in the file is kept as it is.
 */
final class BenchmarksDoc {
    static final String ANALYSIS = "## Analysis";
    private static final Pattern ANALYSIS_HEADING = Pattern.compile("^" + ANALYSIS + "$", Pattern.MULTILINE);
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
        Matcher analysis = ANALYSIS_HEADING.matcher(existing);
        if (analysis.find()) {
            md.append(existing.substring(analysis.start()));
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
        StringBuilder md = new StringBuilder("## Results\n\n### Throughput (closed loop)\n\n");
        md.append("| | round trips/s | p50 | p99 | round trips measured | failed "
                + "| cores busy: this process / whole machine |\n|---|--:|--:|--:|--:|--:|--:|\n");
        for (TargetResult r : report.results()) {
            PhaseResult c = r.closed();
            md.append(String.format(Locale.ROOT, "| %s | **%s** | %s | %s | %s | %s | %s |%n", r.label(),
                    Format.rate(c.perSecond()), Format.millis(c.p50Micros()), Format.millis(c.p99Micros()),
                    Format.count(c.roundTrips()), Format.count(c.failed()), Format.cores(c.cpu())));
        }
        md.append("\n### Cost per round trip (closed loop)\n\n| | CPU ms: this process | CPU ms: PostgreSQL "
                + "| SQL statements | commits | CPU ms: JIT compilers |\n|---|--:|--:|--:|--:|--:|\n");
        report.results().forEach(r -> md.append("| " + r.label() + " | " + Format.perRoundTrip(r.closed(), " | ")
                + " |\n"));
        md.append("\n### CPU per round trip of each process (closed loop)\n\n| | process | cores busy "
                + "| CPU ms per round trip |\n|---|---|--:|--:|\n");
        report.results().forEach(r -> Costs.of(r.closed()).forEach(line -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %.2f | %.3f |%n", r.label(), line.process(), line.cores(), line.millis()))));
        RelayRatios.relay(report).ifPresent(relay -> {
            md.append("\n### As multiples of the relay\n\n| | ").append(String.join(" | ", RelayRatios.COLUMNS))
                    .append(" |\n|---").append("|--:".repeat(RelayRatios.COLUMNS.size())).append("|\n");
            report.results().forEach(r -> md.append("| ").append(r.label()).append(" | ")
                    .append(String.join(" | ", RelayRatios.row(r, relay, report.options().rate()))).append(" |\n"));
        });
        md.append("\n### Latency at fixed rates\n\n| | rate | p50 | p99 | p99.9 | max | round trips measured "
                + "| failed | cores busy: this process / whole machine |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (TargetResult r : report.results()) {
            for (TargetResult.RateResult rate : r.rates()) {
                PhaseResult p = rate.phase();
                md.append(String.format(Locale.ROOT, "| %s | %s/s | %s | **%s** | %s | %s | %s | %s | %s |%n",
                        r.label(), Format.count(rate.rate()), Format.millis(p.p50Micros()),
                        Format.millis(p.p99Micros()), Format.millis(p.p999Micros()), Format.millis(p.maxMicros()),
                        Format.count(p.roundTrips()), Format.count(p.failed()), Format.cores(p.cpu())));
            }
        }
        return md.append('\n').toString();
    }

    /** The same targets for Parley in this process on each store: SQLite, and PostgreSQL on one node. */
    private static String targets(BenchReport report) {
        StringBuilder md = new StringBuilder("## Targets\n\n| target | measured | |\n|---|--:|---|\n");
        for (BenchOptions.Store store : BenchOptions.Store.values()) {
            Optional<TargetResult> result = report.results().stream()
                    .filter(r -> r.store().equals(Optional.of(store))).findFirst();
            if (result.isEmpty()) {
                md.append("| ").append(store.label()).append(" targets | not run (`--store` left ")
                        .append(store.label()).append(" out) | |\n");
                continue;
            }
            PhaseResult closed = result.get().closed();
            md.append("| ").append(store.label()).append(": ≥ 2,000 bot round trips per second | ")
                    .append(Format.rate(closed.perSecond())).append("/s | ")
                    .append(verdict(closed.perSecond() >= TARGET_THROUGHPUT && closed.failed() == 0)).append(" |\n");
            Optional<PhaseResult> atTarget = result.get().atRate(TARGET_RATE);
            md.append("| ").append(store.label()).append(": p99 < 50 ms at 500/s | ");
            if (atTarget.isEmpty()) {
                md.append("not measured: this run used other rates | |\n");
            } else {
                PhaseResult open = atTarget.get();
                md.append(Format.millis(open.p99Micros())).append(open.failed() == 0 ? ""
                        : ", " + Format.count(open.failed()) + " failed").append(" | ")
                        .append(verdict(open.p99Micros() < TARGET_P99_MICROS && open.failed() == 0)).append(" |\n");
            }
        }
        return md.append('\n').toString();
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
            r.rates().forEach(rate -> rate.phase().failures().forEach((kind, n) -> md.append(String.format(
                    Locale.ROOT, "- %s, %,d/s: %,d × %s%n", r.label(), rate.rate(), n, kind))));
        }
        if (report.botRejected() > 0) {
            md.append(String.format(Locale.ROOT, "- the bot could not parse %,d webhook calls%n", report.botRejected()));
        }
        return md.append('\n').toString();
    }
}
