package dev.parley.flow.action;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as flows write them ({@code 5s}, {@code 500ms}, {@code 2m}) and as timelines show them. */
final class Durations {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(ms|s|m)?");

    private Durations() {}

    /** {@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, or a bare number of seconds; empty when malformed. */
    static Optional<Duration> parse(String text) {
        Matcher m = WRITTEN.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            default -> amount * 1000;
        };
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    /** {@code 250 ms} under a second, else seconds with one decimal, as in {@code 5.0 s}. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
