package dev.parley.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a misspelt one was probably meant to be. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word}, if one is close enough to be a likely typo. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        int tolerance = Math.max(1, Math.min(3, word.length() / 3));
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= tolerance)
                .min(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean 'x'?"} when there is a likely match, else an empty string. */
    static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(match -> "; did you mean '" + match + "'?").orElse("");
    }

    /** How to continue "unknown key 'x'": a likely match, else the keys allowed. */
    static String hint(String word, Collection<String> allowed) {
        return closest(word, allowed).map(match -> "; did you mean '" + match + "'?")
                .orElseGet(() -> " (expected one of: " + String.join(", ", allowed) + ")");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
