package dev.parley.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text that is longer than a vendor allows into parts that fit, at word boundaries: each part ends at the
 * last white space within the limit (the white space is dropped), and only a single word longer than the limit
 * is cut inside, never between the two halves of a surrogate pair. Lengths are counted in UTF-16 units, which is
 * never fewer than the characters a vendor counts.
 */
public final class TextSplit {
    private TextSplit() {}

    /** Where one part lies in the text it was cut from: {@code text.substring(start, end)}, in UTF-16 units. */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** The parts of {@code text}, each at most {@code max} long; one part when it fits already. */
    public static List<String> atWords(String text, int max) {
        return spans(text, max).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    /**
     * Where the parts of {@link #atWords} lie in {@code text}, for a channel that must carry something along with
     * each part (such as Telegram's formatting entities, which are offsets into the text).
     */
    public static List<Span> spans(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a part must hold at least 2 characters");
        }
        List<Span> parts = new ArrayList<>();
        int start = skipSpace(text, 0, text.length());
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > max) {
            int cut = lastSpace(text, start, max);
            if (cut > start) {
                int partEnd = cut;
                while (partEnd > start && Character.isWhitespace(text.charAt(partEnd - 1))) {
                    partEnd--;
                }
                parts.add(new Span(start, partEnd));
                start = skipSpace(text, cut, end);
            } else {
                int hard = Character.isHighSurrogate(text.charAt(start + max - 1)) ? start + max - 1 : start + max;
                parts.add(new Span(start, hard));
                start = hard;
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

    private static int lastSpace(String text, int start, int max) {
        for (int i = start + max; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return start;
    }
}
