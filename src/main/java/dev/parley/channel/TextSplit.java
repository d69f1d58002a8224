package dev.parley.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text that is longer than a vendor allows into parts that fit, at word boundaries: each part ends at the
 * last white space within the limit (the white space is dropped), and only a single word longer than the limit
 * is cut inside, never inside a code point. The length is counted as the vendor counts it ({@link Measure}): in
 * UTF-16 units, which is never fewer than the characters Meta, Telegram and Twilio count, or in UTF-8 bytes
 * (Threema).
 */
public final class TextSplit {
    private TextSplit() {}

    /** How a vendor counts the length of a text. */
    public enum Measure {
        /** UTF-16 code units (Java's {@code length()}). */
        UTF16_UNITS(2),
        /** Bytes of the text's UTF-8 encoding. */
        UTF8_BYTES(4);

        /** The smallest limit that still holds any one character. */
        private final int smallest;

        Measure(int smallest) {
            this.smallest = smallest;
        }

        /** The length of {@code text} in this measure. */
        public int of(String text) {
            return switch (this) {
                case UTF16_UNITS -> text.length();
                case UTF8_BYTES -> text.getBytes(StandardCharsets.UTF_8).length;
            };
        }

        /** Where the longest run of whole code points of {@code text} from {@code start} within {@code max} ends. */
        private int fit(String text, int start, int max) {
            return switch (this) {
                case UTF16_UNITS -> start + max >= text.length() ? text.length()
                        : Character.isHighSurrogate(text.charAt(start + max - 1)) ? start + max - 1 : start + max;
                case UTF8_BYTES -> {
                    int end = start;
                    int bytes = 0;
                    while (end < text.length()) {
                        int codePoint = text.codePointAt(end);
                        bytes += utf8(codePoint);
                        if (bytes > max) {
                            break;
                        }
                        end += Character.charCount(codePoint);
                    }
                    yield end;
                }
            };
        }

        private static int utf8(int codePoint) {
            return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        }
    }

    /** Where one part lies in the text it was cut from: {@code text.substring(start, end)}, in UTF-16 units. */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** The parts of {@code text}, each at most {@code max} UTF-16 units long; one part when it fits already. */
    public static List<String> atWords(String text, int max) {
        return atWords(text, max, Measure.UTF16_UNITS);
    }

    /** The parts of {@code text}, each at most {@code max} long in {@code measure}; one part when it fits already. */
    public static List<String> atWords(String text, int max, Measure measure) {
        return spans(text, max, measure).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    /**
     * Where the parts of {@link #atWords(String, int)} lie in {@code text}, for a channel that must carry something
     * along with each part (such as Telegram's formatting entities, which are offsets into the text).
     */
    public static List<Span> spans(String text, int max) {
        return spans(text, max, Measure.UTF16_UNITS);
    }

    private static List<Span> spans(String text, int max, Measure measure) {
        if (max < measure.smallest) {
            throw new IllegalArgumentException("a part must hold at least " + measure.smallest + " " + measure);
        }
        List<Span> parts = new ArrayList<>();
        int start = skipSpace(text, 0, text.length());
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (measure.of(text.substring(start, end)) > max) {
            int fit = measure.fit(text, start, max);
            int cut = lastSpace(text, start, fit);
            if (cut > start) {
                int partEnd = cut;
                while (partEnd > start && Character.isWhitespace(text.charAt(partEnd - 1))) {
                    partEnd--;
                }
                parts.add(new Span(start, partEnd));
                start = skipSpace(text, cut, end);
            } else {
                parts.add(new Span(start, fit));
                start = fit;
            }
        }
        if (end > start || parts.isEmpty()) {
            parts.add(new Span(start, Math.max(start, end)));
        }
        return List.copyOf(parts);
    }

    private static int skipSpace(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The last white space at or before {@code fit} (the first char that does not fit), {@code start} if none. */
    private static int lastSpace(String text, int start, int fit) {
        for (int i = Math.min(fit, text.length() - 1); i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return start;
    }
}
