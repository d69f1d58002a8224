package dev.parley.bench;

import java.util.Locale;

/** The console summary: one row per target. */
final class ResultTable {
    private static final String ROW = "%-24s %12s %10s %10s %10s %10s %10s %9s %9s %8s %12s%n";

    private ResultTable() {}

    static String render(BenchReport report) {
        BenchOptions o = report.options();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "bot round trips, %d contacts; closed loop %s after %s warm-up; "
                + "fixed rate %,d/s for %s%n", o.contacts(), Format.duration(o.duration()),
                Format.duration(o.warmup()), o.rate(), Format.duration(o.duration())));
        out.append(String.format(Locale.ROOT, ROW, "target", "closed rt/s", "closed p50", "rate p50", "rate p99",
                "rate p99.9", "rate max", "n closed", "n rate", "failed", "cores closed"));
        for (TargetResult r : report.results()) {
            out.append(String.format(Locale.ROOT, ROW, r.label(), Format.rate(r.closed().perSecond()),
                    Format.millis(r.closed().p50Micros()), Format.millis(r.open().p50Micros()),
                    Format.millis(r.open().p99Micros()), Format.millis(r.open().p999Micros()),
                    Format.millis(r.open().maxMicros()), Format.count(r.closed().roundTrips()),
                    Format.count(r.open().roundTrips()), Format.count(r.failed()), Format.cores(r.closed().cpu())));
        }
        report.results().forEach(r -> {
            r.closed().failures().forEach((kind, n) -> out.append(String.format(Locale.ROOT,
                    "  %s, closed loop: %,d × %s%n", r.label(), n, kind)));
            r.open().failures().forEach((kind, n) -> out.append(String.format(Locale.ROOT,
                    "  %s, fixed rate: %,d × %s%n", r.label(), n, kind)));
        });
        out.append("cores closed: cores kept busy during the closed loop by this process / by the whole machine\n");
        if (report.botRejected() > 0) {
            out.append(String.format(Locale.ROOT, "  the bot rejected %,d calls it could not parse%n",
                    report.botRejected()));
        }
        return out.toString();
    }
}
