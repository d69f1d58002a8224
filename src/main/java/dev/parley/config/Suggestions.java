package dev.parley.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a misspelt one was probably meant to be (config keys, node ids, filters, actions). */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int tolerance = Math.max(1, Math.min(3, word.length() / 3));
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= tolerance)
                .min(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean 'x'?"} when there is a likely match, else an empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(match -> "; did you mean '" + match + "'?").orElse("");
    }

    /** How to continue "unknown key 'x'": a likely match, else the keys allowed. */
    public static String hint(String word, Collection<String> allowed) {
        return closest(word, allowed).map(match -> "; did you mean '" + match + "'?")
                .orElseGet(() -> " (expected one of: " + String.join(", ", allowed) + ")");
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
