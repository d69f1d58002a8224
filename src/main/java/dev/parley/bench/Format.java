package dev.parley.bench;

import java.time.Duration;
import java.util.Locale;

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

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
