package dev.parley.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses which of a flow's languages a text is in: the one whose common words and example
 * vocabulary cover most of its words; ties go to the flow's first language.
 */
final class LanguageGuess {
    private static final Map<String, Set<String>> COMMON = Map.of(
            "en", Set.of("the", "a", "an", "is", "are", "i", "you", "my", "me", "to", "of", "and", "it", "what", "where",
                    "how", "can", "do", "not", "with", "for", "please", "want", "have", "this", "that"),
            "de", Set.of("der", "die", "das", "ein", "eine", "ist", "sind", "ich", "du", "sie", "mein", "meine", "mir",
                    "zu", "und", "es", "was", "wo", "wie", "kann", "nicht", "mit", "fur", "bitte", "mochte", "habe",
                    "noch", "bei", "wann", "wer"));

    private LanguageGuess() {
    }

    static String of(String text, Map<String, Map<String, List<String>>> examples) {
        List<String> words = Tokens.words(text);
        String best = examples.keySet().stream().findFirst().orElse("en");
        int bestScore = 0;
        for (Map.Entry<String, Map<String, List<String>>> language : examples.entrySet()) {
            Set<String> known = new HashSet<>(COMMON.getOrDefault(language.getKey(), Set.of()));
            language.getValue().values().forEach(texts -> texts.forEach(t -> known.addAll(Tokens.words(t))));
            int score = (int) words.stream().filter(known::contains).count();
            if (score > bestScore) {
                best = language.getKey();
                bestScore = score;
            }
        }
        return best;
    }
}
