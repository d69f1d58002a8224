package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSmokeTest {

    @Test
    void twoContactsGetBotRepliesThroughParleyOnSqlite() {
        BenchOptions options = new BenchOptions(2, Duration.ZERO, Duration.ofSeconds(1), 5, Duration.ofSeconds(5),
                List.of(BenchOptions.Store.SQLITE), false, Optional.empty(), "./parley bench");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BenchReport report = Bench.measure(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.results()).hasSize(1);
        TargetResult sqlite = report.results().getFirst();
        assertThat(sqlite.store()).contains(BenchOptions.Store.SQLITE);
        assertThat(sqlite.closed().roundTrips()).isPositive();
        assertThat(sqlite.rates()).isNotEmpty().allSatisfy(rate -> {
            assertThat(rate.phase().roundTrips()).isPositive();
            assertThat(rate.phase().p50Micros()).isPositive();
        });
        assertThat(report.failed()).as(progress.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void rewrittenReportKeepsTheHandWrittenAnalysisAndJudgesTheTargets() {
        PhaseResult fast = new PhaseResult(50_000, 2_500, 900, 20_000, 40_000, 60_000, Map.of(),
                Optional.of(new CpuMeter.Use(1.9, 1.5, 0, 20, 0, 0)));
        PhaseResult slow = new PhaseResult(4_000, 200, 150_000, 900_000, 1_200_000, 1_500_000,
                Map.of("no bot reply within 10000 ms", 3L), Optional.empty());
        BenchOptions options = new BenchOptions(50, Duration.ofSeconds(5), Duration.ofSeconds(20), 500,
                Duration.ofSeconds(10), List.of(BenchOptions.Store.SQLITE), true, Optional.empty(), "./parley bench");
        BenchReport report = new BenchReport(options, Instant.parse("2025-01-02T03:04:05Z"), Machine.describe(),
                List.of(new TargetResult("Parley on SQLite", Optional.of(BenchOptions.Store.SQLITE), slow,
                                List.of(new TargetResult.RateResult(100, slow),
                                        new TargetResult.RateResult(500, slow)), 10),
                        new TargetResult("Reference (bot alone)", Optional.empty(), fast,
                                List.of(new TargetResult.RateResult(500, fast)), 0)), 0, "0.50 0.40 0.30");
        String old = "# Benchmarks\n\nA hand-written `## Analysis` section is kept.\n\nold figures\n\n"
                + "## Analysis\n\nThe writer lock dominated.\n";

        String md = BenchmarksDoc.render(report, old);

        assertThat(md).contains("./parley bench", "2025-01-02T03:04:05 UTC", "| Parley on SQLite | **200** |",
                        "| Parley on SQLite | 100/s |",
                        "| SQLite: ≥ 2,000 bot round trips per second | 200/s | **missed** |",
                        "- Parley on SQLite, 500/s: 3 × no bot reply within 10000 ms", "1.5 / 1.9",
                        "| SQLite: p99 < 50 ms at 500/s | 900 ms, 3 failed | **missed** |")
                .endsWith("## Analysis\n\nThe writer lock dominated.\n")
                .doesNotContain("old figures");
    }
}
