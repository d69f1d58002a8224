package dev.parley.nlu;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link SoftmaxModel} by stochastic gradient descent with AdaGrad step sizes and L2
 * regularisation, in a fixed order per seed so that a training is reproducible.
 */
record SoftmaxTraining(int epochs, double learningRate, double l2, long seed) {
    static final SoftmaxTraining DEFAULT = new SoftmaxTraining(30, 0.5, 1e-5, 7);

    SoftmaxModel train(List<Features> xs, int[] labels, int classes, int sparseFeatures, int denseFeatures) {
        SoftmaxModel model = new SoftmaxModel(classes, sparseFeatures, denseFeatures);
        float[] sparseSquares = new float[model.sparse.length];
        float[] denseSquares = new float[model.dense.length];
        float[] biasSquares = new float[classes];
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                Features x = xs.get(i);
                double[] gradient = model.probabilities(x);
                gradient[labels[i]] -= 1;
                step(model.bias, biasSquares, 0, 1, gradient, 0);
                SparseVector v = x.ngrams();
                for (int k = 0; k < v.indexes().length; k++) {
                    step(model.sparse, sparseSquares, v.indexes()[k] * classes, v.values()[k], gradient, l2);
                }
                float[] e = x.embedding();
                for (int d = 0; d < e.length; d++) {
                    step(model.dense, denseSquares, d * classes, e[d], gradient, l2);
                }
            }
        }
        return model;
    }

    private void step(float[] weights, float[] squares, int base, float value, double[] gradient, double decay) {
        for (int c = 0; c < gradient.length; c++) {
            int at = base + c;
            double g = gradient[c] * value + decay * weights[at];
            squares[at] += (float) (g * g);
            weights[at] -= (float) (learningRate * g / (Math.sqrt(squares[at]) + 1e-8));
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
