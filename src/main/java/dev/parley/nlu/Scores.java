package dev.parley.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well predictions match the labels: accuracy, precision and recall per intent, and the pairs
 * of intents most often taken for one another.
 */
public record Scores(int total, double accuracy, List<IntentScore> perIntent, List<Confusion> confused) {
    /** Precision and recall of one intent; {@code support} is the number of texts labelled with it. */
    public record IntentScore(String intent, int support, double precision, double recall) {
    }

    /** Texts labelled {@code actual} that were recognised as {@code predicted}. */
    public record Confusion(String actual, String predicted, int count) {
    }

    /** Scores of {@code predicted.get(i)} against {@code actual.get(i)}. */
    public static Scores of(List<String> actual, List<String> predicted) {
        Map<String, int[]> counts = new TreeMap<>(); // intent → {support, predicted, correct}
        Map<List<String>, Integer> confusions = new TreeMap<>(Comparator.comparing((List<String> p) -> p.get(0))
                .thenComparing(p -> p.get(1)));
        int correct = 0;
        for (int i = 0; i < actual.size(); i++) {
            String a = actual.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(a, k -> new int[3])[0]++;
            counts.computeIfAbsent(p, k -> new int[3])[1]++;
            if (a.equals(p)) {
                correct++;
                counts.get(a)[2]++;
            } else {
                confusions.merge(List.of(a, p), 1, Integer::sum);
            }
        }
        List<IntentScore> perIntent = new ArrayList<>();
        counts.forEach((intent, c) -> perIntent.add(new IntentScore(intent, c[0],
                c[1] == 0 ? 0 : (double) c[2] / c[1], c[0] == 0 ? 0 : (double) c[2] / c[0])));
        List<Confusion> confused = confusions.entrySet().stream()
                .map(e -> new Confusion(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(Confusion::count).reversed())
                .toList();
        return new Scores(actual.size(), actual.isEmpty() ? 0 : (double) correct / actual.size(), perIntent, confused);
    }
}
