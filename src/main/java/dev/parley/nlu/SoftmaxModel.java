package dev.parley.nlu;

/**
 * Multinomial logistic regression over sparse n-gram features and a dense sentence embedding:
 * the weights of class {@code c} for feature {@code f} sit at {@code f * classes + c}.
 */
final class SoftmaxModel {
    final int classes;
    final float[] sparse;
    final float[] dense;
    final float[] bias;

    SoftmaxModel(int classes, int sparseFeatures, int denseFeatures) {
        this.classes = classes;
        this.sparse = new float[sparseFeatures * classes];
        this.dense = new float[denseFeatures * classes];
        this.bias = new float[classes];
    }

    /** The probability of each class. */
    double[] probabilities(Features x) {
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            scores[c] = bias[c];
        }
        SparseVector v = x.ngrams();
        for (int k = 0; k < v.indexes().length; k++) {
            int base = v.indexes()[k] * classes;
            float value = v.values()[k];
            for (int c = 0; c < classes; c++) {
                scores[c] += value * sparse[base + c];
            }
        }
        float[] e = x.embedding();
        for (int d = 0; d < e.length; d++) {
            int base = d * classes;
            float value = e[d];
            for (int c = 0; c < classes; c++) {
                scores[c] += value * dense[base + c];
            }
        }
        return softmax(scores);
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
        return scores;
    }
}
