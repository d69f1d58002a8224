package dev.parley.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The word (1–2) and character (2–5, within words) n-grams seen in training, with their inverse
 * document frequency; turns a text into an L2-normalised, sublinear TF-IDF sparse vector. The
 * character n-grams make it tolerant to typos and inflection in any language.
 */
final class NgramVocabulary {
    private final Map<String, Integer> index;
    private final float[] idf;

    private NgramVocabulary(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    static NgramVocabulary of(List<String> texts) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Map<String, Integer> seen = new HashMap<>();
            grams(text, gram -> seen.put(gram, 1));
            seen.keySet().forEach(gram -> df.merge(gram, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>();
        float[] idf = new float[df.size()];
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            int i = index.size();
            index.put(e.getKey(), i);
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + e.getValue())) + 1.0);
        }
        return new NgramVocabulary(index, idf);
    }

    int size() {
        return idf.length;
    }

    /** The vector of {@code text}, its indexes in ascending order. */
    SparseVector vector(String text) {
        Map<Integer, Integer> counts = new TreeMap<>();
        grams(text, gram -> {
            Integer i = index.get(gram);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        });
        int[] indexes = new int[counts.size()];
        float[] values = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            indexes[k] = e.getKey();
            values[k] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
            norm += values[k] * values[k];
            k++;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new SparseVector(indexes, values);
    }

    private static void grams(String text, Consumer<String> sink) {
        List<String> words = Tokens.words(text);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            sink.accept("w " + word);
            if (i + 1 < words.size()) {
                sink.accept("b " + word + " " + words.get(i + 1));
            }
            String padded = " " + word + " ";
            for (int n = 2; n <= 5; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    sink.accept(padded.substring(s, s + n));
                }
            }
        }
    }
}
