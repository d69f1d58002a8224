package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.RedisServer;
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
        BenchOptions options = new BenchOptions(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 5, Duration.ofSeconds(5),
                List.of(BenchOptions.Store.SQLITE), 0, "redis://127.0.0.1:6379", false, false, Optional.empty(),
                "./parley bench");
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
    void twoParleyNodesAndTheRelayCarryTheLoadAndEachNodesCpuIsMeasured() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchReport report;
        try (RedisServer redis = RedisServer.start()) {
            BenchOptions options = new BenchOptions(4, Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(1), 5,
                    Duration.ofSeconds(10), List.of(), 2, redis.url(), true, false, Optional.empty(),
                    "./parley bench --nodes 2");
            report = Bench.measure(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        }

        String said = progress.toString(StandardCharsets.UTF_8);
        assertThat(report.failed()).as(said).isZero();
        assertThat(report.results()).extracting(TargetResult::label)
                .containsExactly("Parley on PostgreSQL, 2 nodes", RelayTarget.LABEL);
        // the nodes start cold on a machine that may be busy: their first round trips can outlast a short
        // closed loop, so what they carried is read from the fixed-rate phases, which wait for every reply
        TargetResult nodes = report.results().getFirst();
        assertThat(nodes.rates()).isNotEmpty().allSatisfy(rate -> assertThat(rate.phase().roundTrips()).as(said)
                .isEqualTo(rate.rate()));
        assertThat(nodes.rates().getLast().phase().cpu()).hasValueSatisfying(use -> {
            assertThat(use.others()).containsKeys("Parley node 1", "Parley node 2", "Redis");
            assertThat(use.others().get("Parley node 1") + use.others().get("Parley node 2")).isPositive();
        });
        TargetResult relay = report.results().getLast();
        assertThat(relay.closed().roundTrips()).isPositive();
        assertThat(RelayRatios.row(relay, relay, 5).getFirst()).isEqualTo("1.00×");
        assertThat(ResultTable.render(report)).contains("as multiples of the relay", "Parley on PostgreSQL, 2 nodes");
    }

    @Test
    void theReportGivesEachProcessItsCpuPerRoundTripAndEveryTargetAsMultiplesOfTheRelay() {
        // 20 s at 250/s: 5,000 round trips; node 1 busy 0.8 cores → 0.8 × 20 s / 5,000 = 3.2 ms each
        PhaseResult nodes = new PhaseResult(5_000, 250, 4_000, 20_000, 30_000, 40_000, Map.of(),
                Optional.of(new CpuMeter.Use(1.9, 0.2, 0.5, 20, 0, 0, 0.1, Map.of("Parley node 1", 0.8,
                        "Parley node 2", 0.3, "Redis", 0.05))));
        PhaseResult relay = new PhaseResult(20_000, 1_000, 1_000, 5_000, 8_000, 9_000, Map.of(),
                Optional.of(new CpuMeter.Use(1.2, 1.0, 0, 20, 0, 0, 0, Map.of())));
        BenchOptions options = new BenchOptions(50, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(20), 500,
                Duration.ofSeconds(10), List.of(), 2, "redis://127.0.0.1:6379", true, false, Optional.empty(),
                "./parley bench --nodes 2");
        BenchReport report = new BenchReport(options, Instant.parse("2025-01-02T03:04:05Z"), Machine.describe(),
                List.of(new TargetResult("Parley on PostgreSQL, 2 nodes", Optional.of(BenchOptions.Store.POSTGRESQL),
                                nodes, List.of(new TargetResult.RateResult(500, nodes)), 10),
                        new TargetResult(RelayTarget.LABEL, Optional.empty(), relay,
                                List.of(new TargetResult.RateResult(500, relay)), 0)), 0, "0.50 0.40 0.30");

        String md = BenchmarksDoc.render(report, "");

        assertThat(md).contains("| Parley on PostgreSQL, 2 nodes | Parley node 1 | 0.80 | 3.200 |",
                "| Parley on PostgreSQL, 2 nodes | Parley node 2 | 0.30 | 1.200 |",
                "| Parley on PostgreSQL, 2 nodes | Redis | 0.05 | 0.200 |",
                "| Parley on PostgreSQL, 2 nodes | PostgreSQL | 0.50 | 2.000 |",
                // cost per round trip: this JVM, PostgreSQL, statements, commits, JIT compilers (0.1 × 20 / 5,000)
                "| Parley on PostgreSQL, 2 nodes | 0.80 | 2.00 | n/a | n/a | 0.40 |",
                "| " + RelayTarget.LABEL + " | " + Costs.THIS_JVM + " | 1.00 | 1.000 |",
                // throughput, p50, p99, p99 at 500/s, CPU of all processes: (0.2+0.5+0.8+0.3+0.05) × 20 / 5,000 = 7.4 ms
                "| Parley on PostgreSQL, 2 nodes | 0.25× | 4.00× | 4.00× | 4.00× | 7.40× |",
                "| " + RelayTarget.LABEL + " | 1.00× | 1.00× | 1.00× | 1.00× | 1.00× |");
    }

    @Test
    void rewrittenReportKeepsTheHandWrittenAnalysisAndJudgesTheTargets() {
        PhaseResult fast = new PhaseResult(50_000, 2_500, 900, 20_000, 40_000, 60_000, Map.of(),
                Optional.of(new CpuMeter.Use(1.9, 1.5, 0, 20, 0, 0, 0, Map.of())));
        PhaseResult slow = new PhaseResult(4_000, 200, 150_000, 900_000, 1_200_000, 1_500_000,
                Map.of("no bot reply within 10000 ms", 3L), Optional.empty());
        BenchOptions options = new BenchOptions(50, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(20), 500,
                Duration.ofSeconds(10), List.of(BenchOptions.Store.SQLITE), 0, "redis://127.0.0.1:6379", false, true,
                Optional.empty(), "./parley bench");
        BenchReport report = new BenchReport(options, Instant.parse("2025-01-02T03:04:05Z"), Machine.describe(),
                List.of(new TargetResult("Parley on SQLite", Optional.of(BenchOptions.Store.SQLITE), slow,
                                List.of(new TargetResult.RateResult(100, slow),
                                        new TargetResult.RateResult(500, slow)), 10),
                        new TargetResult("Parley on PostgreSQL", Optional.of(BenchOptions.Store.POSTGRESQL), fast,
                                List.of(new TargetResult.RateResult(500, fast)), 12),
                        new TargetResult("Reference (bot alone)", Optional.empty(), fast,
                                List.of(new TargetResult.RateResult(500, fast)), 0)), 0, "0.50 0.40 0.30");
        String old = "# Benchmarks\n\nA hand-written `## Analysis` section is kept.\n\nold figures\n\n"
                + "## Analysis\n\nThe writer lock dominated.\n";

        String md = BenchmarksDoc.render(report, old);

        assertThat(md).contains("./parley bench", "2025-01-02T03:04:05 UTC", "| Parley on SQLite | **200** |",
                        "| Parley on SQLite | 100/s |",
                        "| SQLite: ≥ 2,000 bot round trips per second | 200/s | **missed** |",
                        "- Parley on SQLite, 500/s: 3 × no bot reply within 10000 ms", "1.5 / 1.9",
                        "| SQLite: p99 < 50 ms at 500/s | 900 ms, 3 failed | **missed** |",
                        "| PostgreSQL: ≥ 2,000 bot round trips per second | 2,500/s | met |",
                        "| PostgreSQL: p99 < 50 ms at 500/s | 20.0 ms | met |")
                .endsWith("## Analysis\n\nThe writer lock dominated.\n")
                .doesNotContain("old figures");
    }
}
