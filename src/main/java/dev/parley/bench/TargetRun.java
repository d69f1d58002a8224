package dev.parley.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the phases of one benchmark against one target: clients, warm-up and closed loop, fixed rate. */
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
            PhaseResult closed = ClosedLoop.run(clients, options.warmup(), options.duration());
            out.printf("  closed loop: %s round trips/s (%,d measured, %,d failed)%n",
                    Format.rate(closed.perSecond()), closed.roundTrips(), closed.failed());
            out.printf("  fixed rate %,d/s for %s…%n", options.rate(), Format.duration(options.duration()));
            PhaseResult open = OpenLoop.run(clients, options.rate(), options.duration());
            out.printf("  fixed rate: p50 %s, p99 %s, p99.9 %s (%,d measured, %,d failed)%n",
                    Format.millis(open.p50Micros()), Format.millis(open.p99Micros()),
                    Format.millis(open.p999Micros()), open.roundTrips(), open.failed());
            return new TargetResult(target.label(), target.store(), closed, open, setupMillis);
        } finally {
            clients.forEach(RoundTripper::close);
        }
    }
}
