package dev.parley.nlu;

import java.util.List;

/**
 * Where sentence embeddings come from: nowhere (n-grams only), or all-MiniLM-L6-v2 (quantised),
 * an English sentence encoder whose ONNX file ships inside its Maven jar and runs in-process.
 */
public sealed interface Embeddings permits Embeddings.None, Embeddings.MiniLm {
    /** Embeddings of the texts, in order; arrays of length {@link #dimensions()}. */
    List<float[]> embed(List<String> texts);

    int dimensions();

    static Embeddings none() {
        return new None();
    }

    /** The encoder, loaded once per process on first use (a 23 MB model). */
    static Embeddings miniLm() {
        return MiniLm.INSTANCE;
    }

    /** No embeddings: the model sees the n-grams alone. */
    record None() implements Embeddings {
        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream().map(text -> new float[0]).toList();
        }

        @Override
        public int dimensions() {
            return 0;
        }
    }

    /** all-MiniLM-L6-v2, quantised; 384 dimensions, L2-normalised. */
    final class MiniLm implements Embeddings {
        private static final MiniLm INSTANCE = new MiniLm();
        private volatile MiniLmEncoder model;

        private MiniLm() {
        }

        private MiniLmEncoder model() {
            MiniLmEncoder loaded = model;
            if (loaded == null) {
                synchronized (this) {
                    if (model == null) {
                        model = new MiniLmEncoder();
                    }
                    loaded = model;
                }
            }
            return loaded;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            MiniLmEncoder encoder = model();
            if (texts.size() == 1) {
                return List.of(encoder.embed(texts.getFirst()));
            }
            // training: one text per task of the common pool, in the order given
            return texts.parallelStream().map(encoder::embed).toList();
        }

        @Override
        public int dimensions() {
            return MiniLmEncoder.DIMENSIONS;
        }
    }
}
