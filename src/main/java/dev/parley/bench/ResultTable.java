package dev.parley.bench;

import java.util.Locale;

/** The console summary: throughput per target, then latency per target and rate, then failures. */
final class ResultTable {
    private static final String THROUGHPUT = "%-32s %12s %10s %10s %10s %8s %14s%n";
    private static final String LATENCY = "%-32s %8s %10s %10s %10s %10s %10s %8s%n";

    private ResultTable() {}

    static String render(BenchReport report) {
        BenchOptions o = report.options();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "bot round trips, %d contacts; closed loop %s after %s warm-up "
                + "(and up to %s more while JIT compilers are busy)%n", o.contacts(), Format.duration(o.duration()),
                Format.duration(o.warmup()), Format.duration(o.settle())));
        out.append(String.format(Locale.ROOT, THROUGHPUT, "target", "round trips/s", "p50", "p99", "measured",
                "failed", "cores (own/all)"));
        for (TargetResult r : report.results()) {
            PhaseResult c = r.closed();
            out.append(String.format(Locale.ROOT, THROUGHPUT, r.label(), Format.rate(c.perSecond()),
                    Format.millis(c.p50Micros()), Format.millis(c.p99Micros()), Format.count(c.roundTrips()),
                    Format.count(c.failed()), Format.cores(c.cpu())));
        }
        out.append(String.format(Locale.ROOT, "%nper round trip in the closed loop: CPU ms of this process | CPU ms of"
                + " PostgreSQL | SQL statements | commits | CPU ms of JIT compilers%n"));
        report.results().forEach(r -> out.append(String.format(Locale.ROOT, "%-32s %s%n", r.label(),
                Format.perRoundTrip(r.closed(), " | "))));
        out.append(String.format(Locale.ROOT, "%nCPU per round trip of each process in the closed loop: cores busy |"
                + " CPU ms per round trip%n"));
        for (TargetResult r : report.results()) {
            out.append(r.label()).append('\n');
            Costs.of(r.closed()).forEach(line -> out.append(String.format(Locale.ROOT, "  %-46s %6.2f | %.3f%n",
                    line.process(), line.cores(), line.millis())));
        }
        RelayRatios.relay(report).ifPresent(relay -> {
            out.append(String.format(Locale.ROOT, "%nas multiples of the relay: %s%n",
                    String.join(" | ", RelayRatios.COLUMNS)));
            report.results().forEach(r -> out.append(String.format(Locale.ROOT, "%-32s %s%n", r.label(),
                    String.join(" | ", RelayRatios.row(r, relay, o.rate())))));
        });
        out.append(String.format(Locale.ROOT, "%nfixed rates, %s each%n", Format.duration(o.duration())));
        out.append(String.format(Locale.ROOT, LATENCY, "target", "rate/s", "p50", "p99", "p99.9", "max",
                "measured", "failed"));
        for (TargetResult r : report.results()) {
            for (TargetResult.RateResult rate : r.rates()) {
                PhaseResult p = rate.phase();
                out.append(String.format(Locale.ROOT, LATENCY, r.label(), Format.count(rate.rate()),
                        Format.millis(p.p50Micros()), Format.millis(p.p99Micros()), Format.millis(p.p999Micros()),
                        Format.millis(p.maxMicros()), Format.count(p.roundTrips()), Format.count(p.failed())));
            }
        }
        report.results().forEach(r -> {
            r.closed().failures().forEach((kind, n) -> out.append(String.format(Locale.ROOT,
                    "  %s, closed loop: %,d × %s%n", r.label(), n, kind)));
            r.rates().forEach(rate -> rate.phase().failures().forEach((kind, n) -> out.append(String.format(
                    Locale.ROOT, "  %s, %,d/s: %,d × %s%n", r.label(), rate.rate(), n, kind))));
        });
        if (report.botRejected() > 0) {
            out.append(String.format(Locale.ROOT, "  the bot rejected %,d calls it could not parse%n",
                    report.botRejected()));
        }
        return out.toString();
    }
}
