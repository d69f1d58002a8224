package dev.parley.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An intent classifier trained from examples: logistic regression over word and character
 * n-grams, joined with sentence embeddings when an encoder is given. Immutable and thread-safe.
 */
public final class IntentModel {
    /**
     * Embeddings are multiplied by this before they meet the (unit-length) n-gram vector: measured on
     * BANKING77, giving them twice the n-grams' weight adds about 4 points with 10 examples per intent.
     */
    private static final float EMBEDDING_WEIGHT = 2f;
    private final List<String> intents;
    private final NgramVocabulary vocabulary;
    private final Embeddings embeddings;
    private final SoftmaxModel model;
    private final Familiarity familiarity;

    private IntentModel(List<String> intents, NgramVocabulary vocabulary, Embeddings embeddings, SoftmaxModel model,
                        Familiarity familiarity) {
        this.intents = intents;
        this.vocabulary = vocabulary;
        this.embeddings = embeddings;
        this.model = model;
        this.familiarity = familiarity;
    }

    /** Trains on the examples; at least one intent with at least one example. */
    public static IntentModel train(List<Example> examples, Embeddings embeddings) {
        return train(examples, embeddings, SoftmaxTraining.DEFAULT);
    }

    static IntentModel train(List<Example> examples, Embeddings embeddings, SoftmaxTraining training) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("an intent model needs at least one example");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] labels = new int[examples.size()];
        List<String> texts = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            labels[i] = index.computeIfAbsent(examples.get(i).intent(), k -> index.size());
            texts.add(examples.get(i).text());
        }
        NgramVocabulary vocabulary = NgramVocabulary.of(texts);
        List<Features> features = features(vocabulary, embeddings, texts);
        SoftmaxModel model = training.train(features, labels, index.size(), vocabulary.size(), embeddings.dimensions());
        return new IntentModel(List.copyOf(index.keySet()), vocabulary, embeddings, model,
                new Familiarity(features, labels, index.size()));
    }

    private static List<Features> features(NgramVocabulary vocabulary, Embeddings embeddings, List<String> texts) {
        List<float[]> vectors = embeddings.embed(texts);
        List<Features> features = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] embedding = vectors.get(i).clone();
            for (int d = 0; d < embedding.length; d++) {
                embedding[d] *= EMBEDDING_WEIGHT;
            }
            features.add(new Features(vocabulary.vector(texts.get(i)), embedding));
        }
        return features;
    }

    public List<String> intents() {
        return intents;
    }

    public Ranking classify(String text) {
        return classifyAll(List.of(text)).getFirst();
    }

    /** Classifies several texts at once (the encoder is faster on batches). */
    public List<Ranking> classifyAll(List<String> texts) {
        return features(vocabulary, embeddings, texts).stream().map(this::rank).toList();
    }

    private Ranking rank(Features x) {
        double[] p = model.probabilities(x);
        int best = 0;
        int second = -1;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                second = best;
                best = c;
            } else if (second < 0 || p[c] > p[second]) {
                second = c;
            }
        }
        Optional<Ranking.Guess> runnerUp = second < 0 ? Optional.empty()
                : Optional.of(new Ranking.Guess(intents.get(second), familiarity.damp(p[second], x, second)));
        return new Ranking(intents.get(best), familiarity.damp(p[best], x, best), runnerUp);
    }
}
