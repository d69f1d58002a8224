package dev.parley.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code service_hours: { zone: Europe/Berlin, mon-fri: "09:00-12:00, 13:00-17:00", sat: "10:00-14:00" }}.
 * Keys are days ({@code mon}..{@code sun}, or full names) or ranges of days ({@code mon-fri});
 * values are one or more time ranges, as a comma-separated string or a list. {@code 24:00}
 * ends a range at midnight.
 */
final class ServiceHoursParser {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private ServiceHoursParser() {
    }

    static ServiceHours parse(YamlNode node) {
        ZoneId zone = zone(node.required("zone"));
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> setBy = new EnumMap<>(DayOfWeek.class);
        node.entries().forEach((key, value) -> {
            if (key.equals("zone")) {
                return;
            }
            List<TimeRange> ranges = ranges(value);
            for (DayOfWeek day : days(key, value)) {
                String earlier = setBy.putIfAbsent(day, key);
                if (earlier != null) {
                    throw value.error(day.toString().toLowerCase(Locale.ROOT) + " is already set by '" + earlier + "'");
                }
                days.put(day, ranges);
            }
        });
        if (days.isEmpty()) {
            throw node.error("name at least one day, such as mon-fri: \"09:00-17:00\"");
        }
        return new ServiceHours(zone, days);
    }

    private static ZoneId zone(YamlNode node) {
        try {
            return ZoneId.of(node.asString().strip());
        } catch (DateTimeException e) {
            throw node.error(node.quoted() + " is not a time zone (such as Europe/Berlin or UTC)");
        }
    }

    private static List<DayOfWeek> days(String key, YamlNode value) {
        String[] ends = key.toLowerCase(Locale.ROOT).split("-", -1);
        if (ends.length > 2) {
            throw notDays(key, value);
        }
        DayOfWeek first = day(ends[0], key, value);
        DayOfWeek last = ends.length == 2 ? day(ends[1], key, value) : first;
        List<DayOfWeek> days = new ArrayList<>(List.of(first));
        DayOfWeek day = first;
        while (day != last) {
            day = day.plus(1);
            days.add(day);
        }
        return days;
    }

    private static DayOfWeek day(String name, String key, YamlNode value) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.toString().toLowerCase(Locale.ROOT);
            if (name.equals(full) || name.equals(full.substring(0, 3))) {
                return day;
            }
        }
        throw notDays(key, value);
    }

    private static ConfigException notDays(String key, YamlNode value) {
        return value.error("'" + key + "' is neither 'zone' nor a day or range of days (mon..sun, such as mon-fri)");
    }

    private static List<TimeRange> ranges(YamlNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isList()) {
            texts.addAll(value.asStringList());
        } else {
            texts.addAll(List.of(value.asString().split(",")));
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (String text : texts) {
            ranges.add(range(text.strip(), value));
        }
        ranges.sort(Comparator.comparing(TimeRange::from));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).from().isBefore(ranges.get(i - 1).to())) {
                throw value.error("time ranges overlap");
            }
        }
        return ranges;
    }

    private static TimeRange range(String text, YamlNode value) {
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            Optional<LocalTime> from = time(m.group(1), m.group(2), false);
            Optional<LocalTime> to = time(m.group(3), m.group(4), true);
            if (from.isPresent() && to.isPresent() && from.get().isBefore(to.get())) {
                return new TimeRange(from.get(), to.get());
            }
        }
        throw value.error(Scalars.quote(text) + " is not a time range such as 09:00-17:00"
                + " (ranges end after they start; split hours past midnight across two days)");
    }

    /** The time, if it is one; {@code 24:00} is allowed as an end. */
    private static Optional<LocalTime> time(String hours, String minutes, boolean end) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (end && h == 24 && m == 0) {
            return Optional.of(LocalTime.MAX);
        }
        return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
    }
}
