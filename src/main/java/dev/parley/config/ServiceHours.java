package dev.parley.config;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A widget's service hours: opening ranges per day of week, in local time of {@code zone}.
 * Days without an entry are closed.
 */
public record ServiceHours(ZoneId zone, Map<DayOfWeek, List<TimeRange>> days) {

    public ServiceHours {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        days = Collections.unmodifiableMap(copy);
    }

    /** Whether the instant {@code t} falls within the service hours, wherever {@code t}'s own zone is. */
    public boolean isOpen(ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        return days.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(range -> range.contains(local.toLocalTime()));
    }
}
