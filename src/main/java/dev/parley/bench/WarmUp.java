package dev.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed loop's warm-up: at least the time asked for, then on while the JIT compilers of the target's
 * JVMs are still busy, up to a limit. On a machine with few cores the compilers of a JVM under load keep
 * compiling for minutes, and the cores they take would be measured as the target's cost per round trip.
 */
final class WarmUp {
    /** Compilers that kept less than this many cores busy over one step count as settled. */
    static final double SETTLED_CORES = 0.05;
    /** How long the compilers are watched at a time. */
    static final Duration STEP = Duration.ofSeconds(5);

    /**
     * How a warm-up ended.
     *
     * @param length the whole warm-up
     * @param compilerCores cores the compilers kept busy over the last step; empty when they were not watched
     */
    record Outcome(Duration length, Optional<Double> compilerCores) {
        boolean settled() {
            return WarmUp.settled(compilerCores);
        }
    }

    private WarmUp() {}

    /** Waits {@code minimum}, then up to {@code settleLimit} more until the compilers of {@code watched} settled. */
    static Outcome run(Duration minimum, Duration settleLimit, List<WatchedProcess> watched) {
        long start = System.nanoTime();
        ClosedLoop.sleepUntil(start + minimum.toNanos());
        long deadline = System.nanoTime() + settleLimit.toNanos();
        Optional<Double> cores = Optional.empty();
        while (settleLimit.isPositive() && !settled(cores) && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            long t0 = System.nanoTime();
            Map<String, Long> before = CpuMeter.compilerThreads(watched);
            ClosedLoop.sleepUntil(t0 + STEP.toNanos());
            cores = Optional.of(CpuMeter.compilerCores(before, CpuMeter.compilerThreads(watched),
                    (System.nanoTime() - t0) / 1e9));
        }
        return new Outcome(Duration.ofNanos(System.nanoTime() - start), cores);
    }

    private static boolean settled(Optional<Double> compilerCores) {
        return compilerCores.filter(cores -> cores < SETTLED_CORES).isPresent();
    }
}
