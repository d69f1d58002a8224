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

    private final List<List<Features>> examplesByIntent;

    Familiarity(List<Features> examples, int[] labels, int intents) {
        examplesByIntent = new ArrayList<>();
        for (int c = 0; c < intents; c++) {
            examplesByIntent.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            examplesByIntent.get(labels[i]).add(examples.get(i));
        }
    }

    /** {@code probability} scaled by how close {@code x} is to the nearest example of {@code intent}. */
    double damp(double probability, Features x, int intent) {
        double closest = 0;
        for (Features example : examplesByIntent.get(intent)) {
            closest = Math.max(closest, closeness(x, example));
        }
        return probability * Math.clamp((closest - STRANGE) / (FAMILIAR - STRANGE), 0.0, 1.0);
    }

    private static double closeness(Features a, Features b) {
        double ngrams = a.ngrams().dot(b.ngrams());
        float[] e = a.embedding();
        if (e.length == 0) {
            return ngrams;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < e.length; d++) {
            dot += e[d] * b.embedding()[d];
            na += e[d] * e[d];
            nb += b.embedding()[d] * b.embedding()[d];
        }
        return (ngrams + dot / Math.sqrt(na * nb)) / 2;
    }
}
