package dev.parley.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one run found, for the console table and the Markdown report.
 *
 * @param botRejected webhook calls the bench bot could not parse (should be zero)
 * @param loadAverageAtEnd the machine's load average when the last phase ended
 */
record BenchReport(BenchOptions options, Instant startedAt, Machine machine, List<TargetResult> results,
        long botRejected, String loadAverageAtEnd) {

    BenchReport {
        results = List.copyOf(results);
    }

    long failed() {
        return results.stream().mapToLong(TargetResult::failed).sum() + botRejected;
    }
}
