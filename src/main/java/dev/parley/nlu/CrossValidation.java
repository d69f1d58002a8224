package dev.parley.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-fold cross-validation of a flow's own examples: each example is recognised by a model trained
 * on the other folds. Folds are stratified (each intent's examples dealt round the folds in a
 * random order fixed by the seed), so every intent is tested.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** The scores over all folds; {@code folds} is at least 2. */
    public static Scores run(List<Example> examples, int folds, long seed, Embeddings embeddings) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        Map<String, List<Example>> byIntent = new LinkedHashMap<>();
        examples.forEach(e -> byIntent.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e));
        List<List<Example>> fold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            fold.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<Example> group : byIntent.values()) {
            List<Example> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            for (Example example : shuffled) {
                fold.get(next++ % folds).add(example);
            }
        }
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Example> test = fold.get(f);
            List<Example> train = new ArrayList<>();
            for (int g = 0; g < folds; g++) {
                if (g != f) {
                    train.addAll(fold.get(g));
                }
            }
            if (test.isEmpty() || train.isEmpty()) {
                continue;
            }
            IntentModel model = IntentModel.train(train, embeddings);
            List<Ranking> rankings = model.classifyAll(test.stream().map(Example::text).toList());
            for (int i = 0; i < test.size(); i++) {
                actual.add(test.get(i).intent());
                predicted.add(rankings.get(i).intent());
            }
        }
        return Scores.of(actual, predicted);
    }
}
