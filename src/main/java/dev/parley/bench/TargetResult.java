package dev.parley.bench;

import java.util.Optional;

/**
 * What one target measured.
 *
 * @param store the store Parley ran on; empty for the reference run
 * @param closed the closed-loop phase (maximum throughput)
 * @param open the fixed-rate phase
 * @param setupMillis how long opening all conversations and streams took
 */
record TargetResult(String label, Optional<BenchOptions.Store> store, PhaseResult closed, PhaseResult open, long setupMillis) {

    long failed() {
        return closed.failed() + open.failed();
    }
}
