package dev.parley.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every target's figures as multiples of the relay's (the floor for this shape of work): throughput,
 * closed-loop latency, latency at the requested rate, and CPU per round trip of all its processes.
 */
final class RelayRatios {
    static final List<String> COLUMNS = List.of("round trips/s", "p50", "p99", "p99 at the fixed rate",
            "CPU ms per round trip, all processes");

    private RelayRatios() {}

    static Optional<TargetResult> relay(BenchReport report) {
        return report.results().stream().filter(r -> r.label().equals(RelayTarget.LABEL)).findFirst();
    }

    /** The row of {@code target}, one value per column; {@code n/a} where either side has no figure. */
    static List<String> row(TargetResult target, TargetResult relay, int rate) {
        return List.of(
                ratio(target.closed().perSecond(), relay.closed().perSecond()),
                ratio(target.closed().p50Micros(), relay.closed().p50Micros()),
                ratio(target.closed().p99Micros(), relay.closed().p99Micros()),
                both(target, relay, r -> r.atRate(rate).map(p -> (double) p.p99Micros())),
                both(target, relay, r -> Costs.totalMillis(r.closed())));
    }

    private static String both(TargetResult target, TargetResult relay,
            Function<TargetResult, Optional<Double>> figure) {
        return figure.apply(target).flatMap(t -> figure.apply(relay).map(r -> ratio(t, r))).orElse("n/a");
    }

    static String ratio(double value, double floor) {
        return floor <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f×", value / floor);
    }
}
