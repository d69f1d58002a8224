package dev.parley.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How figures are written in the console table and the Markdown report. */
final class Format {
    private Format() {}

    static String millis(long micros) {
        double ms = micros / 1000.0;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Cores busy: this process / the whole machine, e.g. {@code 1.2 / 1.9}. */
    static String cores(Optional<CpuMeter.Use> cpu) {
        return cpu.map(u -> String.format(Locale.ROOT, "%.1f / %.1f", u.process(), u.machine())).orElse("n/a");
    }

    /**
     * What one round trip cost in a phase: CPU milliseconds of this process and of PostgreSQL, SQL statements
     * and commits, then CPU milliseconds of the JIT compilers of the target's JVMs (part of the first column
     * and of the nodes'), e.g. {@code 0.62 | 0.41 | 10.0 | 2.0 | 0.01}; columns Parley does not touch are n/a.
     */
    static String perRoundTrip(PhaseResult phase, String separator) {
        if (phase.cpu().isEmpty() || phase.roundTrips() == 0) {
            return String.join(separator, "n/a", "n/a", "n/a", "n/a", "n/a");
        }
        CpuMeter.Use u = phase.cpu().get();
        double n = phase.perSecond() * u.seconds(); // round trips completed while the meter ran
        return String.join(separator, String.format(Locale.ROOT, "%.2f", u.process() * u.seconds() * 1000 / n),
                u.postgres() < 0.005 ? "n/a" : String.format(Locale.ROOT, "%.2f", u.postgres() * u.seconds() * 1000 / n),
                u.statements() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", u.statements() / n),
                u.commits() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", u.commits() / n),
                String.format(Locale.ROOT, "%.2f", u.compilers() * u.seconds() * 1000 / n));
    }

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
