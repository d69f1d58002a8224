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

    /** The parts of {@code text}, each at most {@code max} long; one part when it fits already. */
    public static List<String> atWords(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a part must hold at least 2 characters");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastSpace(rest, max);
            if (cut > 0) {
                parts.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            } else {
                int hard = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                parts.add(rest.substring(0, hard));
                rest = rest.substring(hard);
            }
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return List.copyOf(parts);
    }

    private static int lastSpace(String text, int max) {
        for (int i = max; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
