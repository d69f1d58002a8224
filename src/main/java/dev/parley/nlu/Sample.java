package dev.parley.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Draws a fixed number of examples per intent, reproducibly for a seed. */
public final class Sample {
    private Sample() {
    }

    /** Up to {@code perIntent} examples of each intent, chosen at random with {@code seed}. */
    public static List<Example> perIntent(List<Example> examples, int perIntent, long seed) {
        Map<String, List<Example>> byIntent = new LinkedHashMap<>();
        examples.forEach(e -> byIntent.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e));
        Random random = new Random(seed);
        List<Example> sample = new ArrayList<>();
        for (List<Example> group : byIntent.values()) {
            List<Example> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            sample.addAll(shuffled.subList(0, Math.min(perIntent, shuffled.size())));
        }
        return sample;
    }
}
