package dev.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit: at most {@code count} events per {@code period}, written {@code 20/1m} in
 * {@code parley.yml}. The whole {@code count} may be spent at once (a burst), then it refills evenly.
 */
public record Rate(long count, Duration period) {
    public Rate {
        Objects.requireNonNull(period, "period");
        if (count < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs a count of at least 1 and a positive period");
        }
    }

    public static Rate of(long count, Duration period) {
        return new Rate(count, period);
    }

    /** Reads {@code <count>/<duration>}, such as {@code 20/1m} or {@code 300/10m}. */
    static Rate parse(YamlNode node) {
        String text = node.asString().strip();
        int slash = text.indexOf('/');
        long count;
        Duration period;
        try {
            if (slash < 1) {
                throw new IllegalArgumentException("no '/'");
            }
            count = Long.parseLong(text.substring(0, slash).strip());
            period = Durations.parse(text.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw node.error(node.quoted() + " is not a rate; write <count>/<duration>, such as 20/1m");
        }
        if (count < 1 || count > 1_000_000_000L || period.isZero()) {
            throw node.error(node.quoted() + " needs a count from 1 to 1000000000 and a period longer than zero");
        }
        return new Rate(count, period);
    }

    @Override
    public String toString() {
        return count + "/" + period;
    }
}
