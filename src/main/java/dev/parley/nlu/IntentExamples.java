package dev.parley.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The training examples of one intent, arranged to find the one closest to a text quickly: their
 * n-gram vectors as an inverted index (for each n-gram, the examples that have it and its value
 * there), so that a text's dot products with all of them cost one pass over the text's n-grams
 * rather than one merge per example; and their embeddings with their lengths.
 */
final class IntentExamples {
    private final int[] grams;
    private final int[] start;
    private final int[] example;
    private final float[] value;
    private final float[][] embeddings;
    private final double[] norms;

    IntentExamples(List<Features> examples) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (Features f : examples) {
            for (int gram : f.ngrams().indexes()) {
                counts.merge(gram, 1, Integer::sum);
            }
        }
        grams = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        start = new int[grams.length + 1];
        for (int g = 0; g < grams.length; g++) {
            start[g + 1] = start[g] + counts.get(grams[g]);
        }
        example = new int[start[grams.length]];
        value = new float[example.length];
        int[] filled = Arrays.copyOf(start, grams.length);
        embeddings = new float[examples.size()][];
        norms = new double[examples.size()];
        for (int e = 0; e < examples.size(); e++) {
            SparseVector v = examples.get(e).ngrams();
            for (int k = 0; k < v.indexes().length; k++) {
                int at = filled[Arrays.binarySearch(grams, v.indexes()[k])]++;
                example[at] = e;
                value[at] = v.values()[k];
            }
            embeddings[e] = examples.get(e).embedding();
            norms[e] = norm(embeddings[e]);
        }
    }

    /**
     * The highest closeness of {@code x} to any of the examples: the cosine of the n-gram vectors,
     * averaged with the cosine of the embeddings when there are any; 0 without examples.
     */
    double closest(Features x) {
        double[] dots = new double[embeddings.length];
        SparseVector v = x.ngrams();
        for (int k = 0; k < v.indexes().length; k++) {
            int g = Arrays.binarySearch(grams, v.indexes()[k]);
            if (g >= 0) {
                float xv = v.values()[k];
                for (int p = start[g]; p < start[g + 1]; p++) {
                    dots[example[p]] += xv * value[p];
                }
            }
        }
        float[] e = x.embedding();
        double norm = norm(e);
        double closest = 0;
        for (int i = 0; i < dots.length; i++) {
            double closeness = dots[i];
            if (e.length > 0) {
                float[] f = embeddings[i];
                double dot = 0;
                for (int d = 0; d < e.length; d++) {
                    dot += e[d] * f[d];
                }
                closeness = (closeness + dot / (norm * norms[i])) / 2;
            }
            closest = Math.max(closest, closeness);
        }
        return closest;
    }

    private static double norm(float[] embedding) {
        double sum = 0;
        for (float v : embedding) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
