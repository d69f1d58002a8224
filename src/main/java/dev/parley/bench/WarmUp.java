package dev.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

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
            return compilerCores.filter(cores -> cores < SETTLED_CORES).isPresent();
        }
    }

    private WarmUp() {}

    /** Waits {@code minimum}, then up to {@code settleLimit} more until the compilers of {@code watched} settled. */
    static Outcome run(Duration minimum, Duration settleLimit, List<WatchedProcess> watched) {
        long start = System.nanoTime();
        sleep(minimum.toNanos());
        long deadline = System.nanoTime() + settleLimit.toNanos();
        Optional<Double> cores = Optional.empty();
        while (settleLimit.isPositive() && !cores.filter(c -> c < SETTLED_CORES).isPresent()
                && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            long t0 = System.nanoTime();
            Map<String, Long> before = CpuMeter.compilerThreads(watched);
            sleep(STEP.toNanos());
            cores = Optional.of(CpuMeter.compilerCores(before, CpuMeter.compilerThreads(watched),
                    (System.nanoTime() - t0) / 1e9));
        }
        return new Outcome(Duration.ofNanos(System.nanoTime() - start), cores);
    }

    private static void sleep(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long wait = nanos; wait > 0 && !Thread.currentThread().isInterrupted(); wait = until - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
