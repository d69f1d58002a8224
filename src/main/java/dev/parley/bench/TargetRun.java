package dev.parley.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the phases of one benchmark against one target: clients, warm-up and closed loop, then fixed
 * rates. When the requested rate is above half of the measured throughput, a phase at that half runs
 * first, so the report also shows the latency at a load the target can carry.
 */
final class TargetRun {
    private TargetRun() {}

    static TargetResult run(Target target, BenchOptions options, PrintStream out) {
        List<RoundTripper> clients = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < options.contacts(); i++) {
                clients.add(target.client(i));
            }
            long setupMillis = (System.nanoTime() - t0) / 1_000_000;
            out.printf("  %d clients ready in %d ms; warm-up %s, closed loop %s…%n", clients.size(), setupMillis,
                    Format.duration(options.warmup()), Format.duration(options.duration()));
            PhaseResult closed = ClosedLoop.run(clients, () -> warmUp(target, options, out), options.duration(),
                    target.processes());
            out.printf("  closed loop: %s round trips/s (%,d measured, %,d failed)%n",
                    Format.rate(closed.perSecond()), closed.roundTrips(), closed.failed());
            List<TargetResult.RateResult> rates = new ArrayList<>();
            int half = (int) Math.max(1, closed.perSecond() / 2);
            if (half < options.rate()) {
                rates.add(fixedRate(target, clients, half, options, out));
            }
            rates.add(fixedRate(target, clients, options.rate(), options, out));
            return new TargetResult(target.label(), target.store(), closed, rates, setupMillis);
        } finally {
            clients.forEach(RoundTripper::close);
        }
    }

    private static void warmUp(Target target, BenchOptions options, PrintStream out) {
        WarmUp.Outcome w = WarmUp.run(options.warmup(), options.settle(), target.processes());
        String length = Format.duration(Duration.ofSeconds(w.length().toSeconds()));
        w.compilerCores().ifPresent(cores -> out.printf(Locale.ROOT,
                "  warmed up for %s; JIT compilers %.2f cores over the last %s%s%n", length, cores,
                Format.duration(WarmUp.STEP), w.settled() ? " (settled)"
                        : ", still compiling when --settle " + Format.duration(options.settle()) + " ran out"));
    }

    private static TargetResult.RateResult fixedRate(Target target, List<RoundTripper> clients, int rate,
            BenchOptions options, PrintStream out) {
        out.printf("  fixed rate %,d/s for %s…%n", rate, Format.duration(options.duration()));
        PhaseResult phase = OpenLoop.run(clients, rate, options.duration(), target.processes());
        out.printf("  fixed rate %,d/s: p50 %s, p99 %s, p99.9 %s (%,d measured, %,d failed)%n", rate,
                Format.millis(phase.p50Micros()), Format.millis(phase.p99Micros()),
                Format.millis(phase.p999Micros()), phase.roundTrips(), phase.failed());
        return new TargetResult.RateResult(rate, phase);
    }
}
