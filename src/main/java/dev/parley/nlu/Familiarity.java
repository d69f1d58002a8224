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

    private final List<IntentExamples> examplesByIntent;

    Familiarity(List<Features> examples, int[] labels, int intents) {
        List<List<Features>> byIntent = new ArrayList<>();
        for (int c = 0; c < intents; c++) {
            byIntent.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byIntent.get(labels[i]).add(examples.get(i));
        }
        examplesByIntent = byIntent.stream().map(IntentExamples::new).toList();
    }

    /** {@code probability} scaled by how close {@code x} is to the nearest example of {@code intent}. */
    double damp(double probability, Features x, int intent) {
        double closest = examplesByIntent.get(intent).closest(x);
        return probability * Math.clamp((closest - STRANGE) / (FAMILIAR - STRANGE), 0.0, 1.0);
    }
}
