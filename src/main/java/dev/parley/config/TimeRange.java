package dev.parley.config;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Opening hours within one day, from {@code from} (inclusive) to {@code to} (exclusive).
 * A range written to end at {@code 24:00} has {@code to} equal to {@link LocalTime#MAX}
 * and includes the last instant of the day.
 */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range must end after it starts: " + from + "-" + to);
        }
    }

    /** Whether {@code time} falls in this range. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && (time.isBefore(to) || to.equals(LocalTime.MAX));
    }
}
