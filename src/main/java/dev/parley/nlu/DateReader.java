package dev.parley.nlu;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date, and a time when one is given, from English or German text, relative to the
 * conversation's "now": "tomorrow at 3", "next Friday", "in 2 weeks", "am 5. März um 14:30",
 * "2024-05-01", "01.05.2024". A bare hour from 1 to 7 is taken as afternoon (business hours).
 * Without a time the result is the start of the day.
 */
final class DateReader {
    private static final Map<String, Integer> RELATIVE = Map.of("today", 0, "heute", 0, "tomorrow", 1, "morgen", 1,
            "ubermorgen", 2, "yesterday", -1, "gestern", -1);
    private static final List<List<String>> WEEKDAYS = List.of(List.of("monday", "montag"),
            List.of("tuesday", "dienstag"), List.of("wednesday", "mittwoch"), List.of("thursday", "donnerstag"),
            List.of("friday", "freitag"), List.of("saturday", "samstag", "sonnabend"), List.of("sunday", "sonntag"));
    private static final List<List<String>> MONTHS = List.of(List.of("january", "januar", "jan"),
            List.of("february", "februar", "feb"), List.of("march", "marz", "mar"), List.of("april", "apr"),
            List.of("may", "mai"), List.of("june", "juni", "jun"), List.of("july", "juli", "jul"),
            List.of("august", "aug"), List.of("september", "sept", "sep"), List.of("october", "oktober", "oct", "okt"),
            List.of("november", "nov"), List.of("december", "dezember", "dec", "dez"));
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})?(?!\\d)");
    private static final Pattern IN = Pattern.compile("\\bin (\\d{1,3}) (days?|tagen?|weeks?|wochen?)\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th|\\.)? (?:of )?([a-z]{3,9})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b([a-z]{3,9}) (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\s*(am|pm)?(?!\\d)");
    private static final Pattern HOUR = Pattern.compile("\\b(?:(?:at|um|gegen) (\\d{1,2})(?: ?(am|pm|uhr|o clock))?"
            + "|(\\d{1,2}) ?(am|pm|uhr|o clock))\\b");

    private final EntityContext context;

    DateReader(EntityContext context) {
        this.context = context;
    }

    Optional<ZonedDateTime> find(String raw) {
        String text = String.join(" ", Tokens.fold(raw).split("[\\s,;!?]+"));
        Optional<LocalDate> date = date(text);
        Optional<LocalTime> time = time(text);
        if (date.isEmpty() && time.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = date.orElseGet(() -> {
            LocalDate today = context.now().toLocalDate();
            return time.get().isBefore(context.now().toLocalTime()) ? today.plusDays(1) : today;
        });
        return Optional.of(ZonedDateTime.of(day, time.orElse(LocalTime.MIDNIGHT), context.now().getZone()));
    }

    private Optional<LocalDate> date(String text) {
        LocalDate today = context.now().toLocalDate();
        try {
            Matcher m = ISO.matcher(text);
            if (m.find()) {
                return Optional.of(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
            }
            m = DOTTED.matcher(text);
            if (m.find()) {
                int year = m.group(3) == null ? today.getYear() : num(m, 3) < 100 ? 2000 + num(m, 3) : num(m, 3);
                return Optional.of(LocalDate.of(year, num(m, 2), num(m, 1)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Matcher in = IN.matcher(text);
        if (in.find()) {
            int n = num(in, 1);
            return Optional.of(in.group(2).startsWith("w") ? today.plusWeeks(n) : today.plusDays(n));
        }
        Optional<LocalDate> named = named(text, today);
        return named.isPresent() ? named : relative(text, today);
    }

    private Optional<LocalDate> named(String text, LocalDate today) {
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date = dayOfMonth(num(m, 1), m.group(2), today);
            if (date.isPresent()) {
                return date;
            }
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date = dayOfMonth(num(m, 2), m.group(1), today);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The next such day from today on (a date already past this year is next year's). */
    private static Optional<LocalDate> dayOfMonth(int day, String monthName, LocalDate today) {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).contains(monthName)) {
                try {
                    LocalDate date = LocalDate.of(today.getYear(), i + 1, day);
                    return Optional.of(date.isBefore(today) ? date.plusYears(1) : date);
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> relative(String text, LocalDate today) {
        List<String> words = List.of(text.split(" "));
        if (text.contains("day after tomorrow")) {
            return Optional.of(today.plusDays(2));
        }
        for (String word : words) {
            Integer offset = RELATIVE.get(word);
            if (offset != null) {
                return Optional.of(today.plusDays(offset));
            }
        }
        for (int i = 0; i < WEEKDAYS.size(); i++) {
            for (String name : WEEKDAYS.get(i)) {
                if (words.contains(name)) {
                    return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.of(i + 1))));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalTime> time(String text) {
        Matcher m = CLOCK.matcher(text);
        if (m.find()) {
            return hour(num(m, 1), num(m, 2), Optional.ofNullable(m.group(3)));
        }
        m = HOUR.matcher(text);
        if (m.find()) {
            int hour = m.group(1) != null ? num(m, 1) : num(m, 3);
            String suffix = m.group(1) != null ? m.group(2) : m.group(4);
            return hour(hour, 0, Optional.ofNullable(suffix));
        }
        return Optional.empty();
    }

    private static Optional<LocalTime> hour(int hour, int minute, Optional<String> suffix) {
        int h = hour;
        if (suffix.filter("pm"::equals).isPresent() && h < 12) {
            h += 12;
        } else if (suffix.filter("am"::equals).isPresent() && h == 12) {
            h = 0;
        } else if (suffix.filter(s -> s.equals("am") || s.equals("pm")).isEmpty() && h >= 1 && h <= 7) {
            h += 12;
        }
        return h <= 23 && minute <= 59 ? Optional.of(LocalTime.of(h, minute)) : Optional.empty();
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
