package dev.parley.channel.meta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text that is longer than a vendor allows into parts that fit, at word boundaries: each part ends at the
 * last white space within the limit (the white space is dropped), and only a single word longer than the limit
 * is cut inside, never between the two halves of a surrogate pair. The length is counted as the vendor counts it
 * ({@link Measure}): in UTF-16 units, which is never fewer than the characters Meta counts, or in UTF-8 bytes
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

        /** How many chars of {@code text} (which is longer than {@code max}) fit in {@code max}, whole code points. */
        private int fit(String text, int max) {
            return switch (this) {
                case UTF16_UNITS -> Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
                case UTF8_BYTES -> {
                    int chars = 0;
                    int bytes = 0;
                    while (chars < text.length()) {
                        int codePoint = text.codePointAt(chars);
                        bytes += utf8(codePoint);
                        if (bytes > max) {
                            break;
                        }
                        chars += Character.charCount(codePoint);
                    }
                    yield chars;
                }
            };
        }

        private static int utf8(int codePoint) {
            return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        }
    }

    /** The parts of {@code text}, each at most {@code max} UTF-16 units long; one part when it fits already. */
    public static List<String> atWords(String text, int max) {
        return atWords(text, max, Measure.UTF16_UNITS);
    }

    /** The parts of {@code text}, each at most {@code max} long in {@code measure}; one part when it fits already. */
    public static List<String> atWords(String text, int max, Measure measure) {
        if (max < measure.smallest) {
            throw new IllegalArgumentException("a part must hold at least " + measure.smallest + " " + measure);
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (measure.of(rest) > max) {
            int fit = measure.fit(rest, max);
            int cut = lastSpace(rest, fit);
            if (cut > 0) {
                parts.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            } else {
                parts.add(rest.substring(0, fit));
                rest = rest.substring(fit);
            }
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return List.copyOf(parts);
    }

    /** The last white space at or before {@code fit} (the first char that does not fit), 0 when there is none. */
    private static int lastSpace(String text, int fit) {
        for (int i = fit; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
