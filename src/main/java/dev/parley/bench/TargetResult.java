package dev.parley.bench;

import java.util.List;
import java.util.Optional;

/**
 * What one target measured.
 *
 * @param store the store Parley ran on; empty for the reference run
 * @param closed the closed-loop phase (maximum throughput)
 * @param rates the fixed-rate phases, in the order they ran
 * @param setupMillis how long opening all conversations and streams took
 */
record TargetResult(String label, Optional<BenchOptions.Store> store, PhaseResult closed, List<RateResult> rates,
        long setupMillis) {

    /** One fixed-rate phase: messages per second offered, and what came of them. */
    record RateResult(int rate, PhaseResult phase) {}

    TargetResult {
        rates = List.copyOf(rates);
    }

    /** The phase at {@code rate}, if this run had one. */
    Optional<PhaseResult> atRate(int rate) {
        return rates.stream().filter(r -> r.rate() == rate).map(RateResult::phase).findFirst();
    }

    long failed() {
        return closed.failed() + rates.stream().mapToLong(r -> r.phase().failed()).sum();
    }
}
