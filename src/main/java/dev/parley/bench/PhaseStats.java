package dev.parley.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Collects one phase's latencies (microseconds) and failures from many threads at once. */
final class PhaseStats {
    private final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();

    void replied(long latencyNanos) {
        latencies.recordValue(Math.max(0, Math.min(latencyNanos / 1000, latencies.getHighestTrackableValue())));
    }

    void failed(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** The figures of this phase, with throughput over {@code window}. */
    PhaseResult result(Duration window, Optional<CpuMeter.Use> cpu) {
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((k, v) -> failed.put(k, v.sum()));
        long n = latencies.getTotalCount();
        return new PhaseResult(n, n / (window.toNanos() / 1e9), at(50), at(99), at(99.9),
                n == 0 ? 0 : latencies.getMaxValue(), failed, cpu);
    }

    private long at(double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile);
    }
}
