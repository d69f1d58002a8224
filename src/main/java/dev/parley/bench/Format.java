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

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
