package dev.parley.bench;

import java.util.Map;
import java.util.Optional;

/**
 * The figures of one measured phase.
 *
 * @param roundTrips round trips whose reply arrived inside the measured window
 * @param perSecond {@code roundTrips} divided by the window's length
 * @param p50Micros median latency, and so on for the other percentiles and the maximum
 * @param failures failed round trips by kind (HTTP status, timeout, closed stream)
 * @param cpu how busy the cores were during the window, when the system tells
 */
record PhaseResult(long roundTrips, double perSecond, long p50Micros, long p99Micros, long p999Micros,
        long maxMicros, Map<String, Long> failures, Optional<CpuMeter.Use> cpu) {

    PhaseResult {
        failures = Map.copyOf(failures);
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }
}
