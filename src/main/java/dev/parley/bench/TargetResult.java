package dev.parley.bench;

/**
 * What one target measured.
 *
 * @param closed the closed-loop phase (maximum throughput)
 * @param open the fixed-rate phase
 * @param setupMillis how long opening all conversations and streams took
 */
record TargetResult(String label, PhaseResult closed, PhaseResult open, long setupMillis) {

    long failed() {
        return closed.failed() + open.failed();
    }
}
