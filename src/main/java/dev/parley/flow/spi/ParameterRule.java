package dev.parley.flow.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the value of one {@code with:} parameter must be (see {@link ActionParameters}).
 *
 * <p>Parley applies a rule before every run to the value as the action gets it — templates
 * rendered: text, or lists and mappings of texts, while a template that is one placeholder keeps its
 * value's type (a number, a mapping…). When a flow loads, it applies the rule to every value written
 * without placeholders, and {@link #checkStart} to a text whose placeholders follow a literal start,
 * so that a value that can never be valid is an error with file and line. A value only known when
 * the flow runs is never refused at load.
 *
 * <p>A rule is never given {@code null} or blank text: an optional parameter left empty counts as
 * not given, a required one is refused before its rule is asked.
 */
@FunctionalInterface
public interface ParameterRule {

    /**
     * Why {@code value} breaks this rule, as the end of a sentence that starts with the parameter's
     * name — {@code "must be one of c, f, got 'k'"} — or empty when it is fine.
     */
    Optional<String> check(Object value);

    /**
     * Why every text beginning with {@code start} breaks this rule, or empty when some may be fine.
     * Asked at load for a template such as {@code "ftp://{{host}}/file"}, whose rendered text is only
     * known to begin with {@code ftp://}. The default learns nothing from a start.
     */
    default Optional<String> checkStart(String start) {
        return Optional.empty();
    }

    /**
     * True when the value is a URL. Parley then encodes every template value for its place in the URL
     * — a path segment or a query value — unless the placeholder says {@code | raw}, so that text a
     * contact typed cannot add path segments, query parameters or a fragment. The default is false.
     */
    default boolean isUrl() {
        return false;
    }

    /** Any value at all. */
    static ParameterRule any() {
        return value -> Optional.empty();
    }

    /** A single value — text, a number or {@code true}/{@code false} — not a list or a mapping. */
    static ParameterRule text() {
        return value -> switch (value) {
            case List<?> list -> Optional.of("must be a single value, not a list");
            case Map<?, ?> map -> Optional.of("must be a single value, not a mapping");
            case null, default -> Optional.empty();
        };
    }

    /** One of {@code values}, ignoring case and surrounding spaces, as in {@code oneOf("GET", "POST")}. */
    static ParameterRule oneOf(String... values) {
        List<String> allowed = List.of(values);
        String expected = "must be one of " + String.join(", ", allowed);
        return new ParameterRule() {
            @Override
            public Optional<String> check(Object value) {
                boolean listed = !(value instanceof List<?> || value instanceof Map<?, ?>) && allowed.stream()
                        .anyMatch(option -> option.equalsIgnoreCase(String.valueOf(value).strip()));
                return listed ? Optional.empty() : Optional.of(expected + ", got " + shown(value));
            }

            @Override
            public Optional<String> checkStart(String start) {
                String begun = start.stripLeading();
                boolean possible = allowed.stream().anyMatch(option -> option.toLowerCase(Locale.ROOT)
                        .startsWith(begun.toLowerCase(Locale.ROOT)));
                return possible ? Optional.empty() : Optional.of(expected + ", got a text beginning '" + begun + "'");
            }
        };
    }

    /** A whole number from {@code min} to {@code max}, written as a number or as text such as {@code "3"}. */
    static ParameterRule wholeNumber(long min, long max) {
        String expected = max == Long.MAX_VALUE ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max;
        return value -> {
            try {
                long number = Long.parseLong(String.valueOf(value).strip());
                return number < min || number > max ? Optional.of(expected + ", got " + number) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of(expected + ", got " + shown(value));
            }
        };
    }

    /** A value as a problem shows it: {@code 'text'}, or what kind of value it is. */
    private static String shown(Object value) {
        return switch (value) {
            case List<?> list -> "a list";
            case Map<?, ?> map -> "a mapping";
            case null, default -> "'" + String.valueOf(value).strip() + "'";
        };
    }
}
