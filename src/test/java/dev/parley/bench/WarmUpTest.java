package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void theCompilerThreadsOfThisJvmAreFoundByName() {
        Map<String, Long> threads = ProcessCpu.compilerThreads(Path.of("/proc/self"));

        assertThat(threads).isNotEmpty().allSatisfy((tid, ticks) -> {
            assertThat(tid).containsOnlyDigits();
            assertThat(ticks).isNotNegative();
        });
        assertThat(CpuMeter.compilerThreads(List.of())).hasSameSizeAs(threads).allSatisfy((key, ticks) ->
                assertThat(key).startsWith("self/"));
    }

    @Test
    void aProcessThatIsNoJvmHasNoCompilerThreads() {
        assertThat(ProcessCpu.compilerThreads(Path.of("/proc/1"))).isEmpty();
        assertThat(ProcessCpu.compilerThreads(Path.of("/proc/not-a-process"))).isEmpty();
    }

    @Test
    void compilerCoresCountWhatEachThreadStillListedUsedAndNeverGoBelowZero() {
        // over 2 s: thread 10 used 30 ticks, thread 12 started meanwhile and used 10, thread 11 ended (its 500 gone)
        Map<String, Long> start = Map.of("self/10", 100L, "self/11", 500L);
        Map<String, Long> end = Map.of("self/10", 130L, "self/12", 10L);

        assertThat(CpuMeter.compilerCores(start, end, 2)).isEqualTo(0.2);
        assertThat(CpuMeter.compilerCores(start, Map.of(), 2)).isZero();
    }

    @Test
    void withoutSettlingTheWarmUpIsTheMinimumAndTheCompilersAreNotWatched() {
        WarmUp.Outcome w = WarmUp.run(Duration.ofMillis(200), Duration.ZERO, List.of());

        assertThat(w.length()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
        assertThat(w.compilerCores()).isEmpty();
        assertThat(w.settled()).isFalse();
    }

    @Test
    void compilersBelowAtwentiethOfACoreCountAsSettled() {
        assertThat(new WarmUp.Outcome(Duration.ofSeconds(60), Optional.of(0.049)).settled()).isTrue();
        assertThat(new WarmUp.Outcome(Duration.ofSeconds(60), Optional.of(0.05)).settled()).isFalse();
    }
}
