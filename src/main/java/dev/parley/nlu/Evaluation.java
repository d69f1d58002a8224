package dev.parley.nlu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Trains on one data set and measures on another: the scores, how long training took, and the
 * latency of classifying one text at a time, as a flow does.
 */
public record Evaluation(Scores scores, int trainingExamples, int intents, Duration training,
                         Latency latency, Latency cpu) {
    private static final int WARM_UP = 1000;

    /** Classification latency percentiles, one text at a time. */
    public record Latency(Duration p50, Duration p95, Duration p99, Duration max) {
        static Latency of(Histogram histogram) {
            return new Latency(Duration.ofNanos(histogram.getValueAtPercentile(50)),
                    Duration.ofNanos(histogram.getValueAtPercentile(95)), Duration.ofNanos(histogram.getValueAtPercentile(99)),
                    Duration.ofNanos(histogram.getMaxValue()));
        }
    }

    public static Evaluation run(List<Example> train, List<Example> test, Embeddings embeddings) {
        long start = System.nanoTime();
        IntentModel model = IntentModel.train(train, embeddings);
        Duration training = Duration.ofNanos(System.nanoTime() - start);
        // the first classifications warm the JIT and the encoder up; a running flow bot is past them
        // (after only 100 texts, code still being compiled made the p99 of CPU time about 1 ms higher)
        test.stream().limit(WARM_UP).forEach(example -> model.classify(example.text()));
        // wall-clock time includes waiting for a CPU while other processes run; the thread's CPU time
        // is the work of classifying alone, so the two together tell cost from contention
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Histogram wall = new Histogram(3);
        Histogram cpu = new Histogram(3);
        List<String> predicted = test.stream().map(example -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            String intent = model.classify(example.text()).intent();
            wall.recordValue(System.nanoTime() - t);
            cpu.recordValue(threads.getCurrentThreadCpuTime() - cpuStart);
            return intent;
        }).toList();
        Scores scores = Scores.of(test.stream().map(Example::intent).toList(), predicted);
        return new Evaluation(scores, train.size(), model.intents().size(), training, Latency.of(wall),
                Latency.of(cpu));
    }
}
