package dev.parley.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d},
 * combinations such as {@code 1h30m}, or a plain integer meaning seconds.
 */
final class Durations {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,12}(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException when {@code text} is not a duration */
    static Duration parse(String text) {
        String trimmed = text.strip();
        if (SECONDS.matcher(trimmed).matches()) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        try {
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                total = total.plus(amount(Long.parseLong(part.group(1)), part.group(2)));
            }
            return total;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration too long: " + text, e);
        }
    }

    private static Duration amount(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration unit: " + unit);
        };
    }
}
