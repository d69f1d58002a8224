package dev.parley.flow.engine;

import dev.parley.flow.ChoiceOption;
import dev.parley.config.Suggestions;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches free text to a pending choice's options: the option's number, label, id or a synonym,
 * ignoring case, accents, punctuation and small typos. A text close to two options matches none.
 */
final class ChoiceMatcher {

    private ChoiceMatcher() {
    }

    static Optional<ChoiceOption> match(List<ChoiceOption> options, String text) {
        String typed = normalize(text);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        if (typed.chars().allMatch(Character::isDigit) && typed.length() <= 2) {
            int index = Integer.parseInt(typed) - 1;
            if (index >= 0 && index < options.size()) {
                return Optional.of(options.get(index));
            }
        }
        for (ChoiceOption option : options) {
            if (words(option).anyMatch(typed::equals)) {
                return Optional.of(option);
            }
        }
        Optional<ChoiceOption> best = Optional.empty();
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (ChoiceOption option : options) {
            int distance = words(option).mapToInt(word -> Suggestions.distance(word, typed)).min().orElse(Integer.MAX_VALUE);
            if (distance < bestDistance) {
                best = Optional.of(option);
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return !tie && best.isPresent() && bestDistance <= allowedTypos(typed) ? best : Optional.empty();
    }

    private static java.util.stream.Stream<String> words(ChoiceOption option) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(option.label(), option.id()),
                option.synonyms().stream()).map(ChoiceMatcher::normalize).filter(word -> !word.isEmpty());
    }

    private static int allowedTypos(String typed) {
        return typed.length() < 4 ? 0 : typed.length() < 8 ? 1 : 2;
    }

    /** Lower case, without accents, punctuation and repeated spaces. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
