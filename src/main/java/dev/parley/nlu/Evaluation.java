package dev.parley.nlu;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Trains on one data set and measures on another: the scores, how long training took, and the
 * latency of classifying one text at a time, as a flow does.
 */
public record Evaluation(Scores scores, int trainingExamples, int intents, Duration training,
                         Latency latency) {
    private static final int WARM_UP = 100;

    /** Classification latency percentiles, one text at a time. */
    public record Latency(Duration p50, Duration p99, Duration max) {
    }

    public static Evaluation run(List<Example> train, List<Example> test, Embeddings embeddings) {
        long start = System.nanoTime();
        IntentModel model = IntentModel.train(train, embeddings);
        Duration training = Duration.ofNanos(System.nanoTime() - start);
        // the first classifications warm the JIT and the encoder up; a running flow bot is past them
        test.stream().limit(WARM_UP).forEach(example -> model.classify(example.text()));
        Histogram histogram = new Histogram(3);
        List<String> predicted = test.stream().map(example -> {
            long t = System.nanoTime();
            String intent = model.classify(example.text()).intent();
            histogram.recordValue(System.nanoTime() - t);
            return intent;
        }).toList();
        Scores scores = Scores.of(test.stream().map(Example::intent).toList(), predicted);
        Latency latency = new Latency(Duration.ofNanos(histogram.getValueAtPercentile(50)),
                Duration.ofNanos(histogram.getValueAtPercentile(99)), Duration.ofNanos(histogram.getMaxValue()));
        return new Evaluation(scores, train.size(), model.intents().size(), training, latency);
    }
}
