package dev.parley.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one run found, for the console table and the Markdown report.
 *
 * @param botRejected webhook calls the bench bot could not parse (should be zero)
 */
record BenchReport(BenchOptions options, Instant startedAt, Machine machine, List<TargetResult> results,
        long botRejected) {

    BenchReport {
        results = List.copyOf(results);
    }

    long failed() {
        return results.stream().mapToLong(TargetResult::failed).sum() + botRejected;
    }
}
