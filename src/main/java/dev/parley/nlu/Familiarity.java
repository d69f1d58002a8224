package dev.parley.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * How close a text is to the nearest training example of an intent: the cosine of their n-gram
 * vectors, averaged with the cosine of their sentence embeddings when there are any. A softmax is
 * sure of itself even for a text unlike any example ("ada@example.com" at a flow that knows
 * "talk to a human" and "stop"); scaling its probability by familiarity keeps such texts below
 * a flow's threshold while paraphrases of the examples (cosine ≥ {@link #FAMILIAR}) keep theirs.
 */
final class Familiarity {
    /** Below this closeness the probability counts for nothing. */
    static final double STRANGE = 0.25;
    /** From this closeness on the probability counts in full. */
    static final double FAMILIAR = 0.5;

    private final List<List<Known>> examplesByIntent;

    /** A training example with the length of its embedding, computed once rather than at every text. */
    private record Known(Features features, double norm) {
    }

    Familiarity(List<Features> examples, int[] labels, int intents) {
        examplesByIntent = new ArrayList<>();
        for (int c = 0; c < intents; c++) {
            examplesByIntent.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            Features example = examples.get(i);
            examplesByIntent.get(labels[i]).add(new Known(example, norm(example.embedding())));
        }
    }

    /** {@code probability} scaled by how close {@code x} is to the nearest example of {@code intent}. */
    double damp(double probability, Features x, int intent) {
        double norm = norm(x.embedding());
        double closest = 0;
        for (Known example : examplesByIntent.get(intent)) {
            closest = Math.max(closest, closeness(x, norm, example));
        }
        return probability * Math.clamp((closest - STRANGE) / (FAMILIAR - STRANGE), 0.0, 1.0);
    }

    private static double closeness(Features a, double norm, Known b) {
        double ngrams = a.ngrams().dot(b.features().ngrams());
        float[] e = a.embedding();
        if (e.length == 0) {
            return ngrams;
        }
        float[] f = b.features().embedding();
        double dot = 0;
        for (int d = 0; d < e.length; d++) {
            dot += e[d] * f[d];
        }
        return (ngrams + dot / (norm * b.norm())) / 2;
    }

    private static double norm(float[] embedding) {
        double sum = 0;
        for (float v : embedding) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
