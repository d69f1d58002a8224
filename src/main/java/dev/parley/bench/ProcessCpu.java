package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The CPU time a process has used so far, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {
    /** Thread names of HotSpot's JIT compilers, as the kernel keeps them (cut to 15 characters). */
    private static final List<String> COMPILERS = List.of("C1 CompilerThre", "C2 CompilerThre");

    private ProcessCpu() {}

    /**
     * User plus system time so far of each JIT compiler thread of the JVM at {@code proc}, in clock ticks,
     * by thread id; empty for a process that is no JVM. The JVM starts and ends compiler threads as the
     * work comes and goes: one that ended is no longer listed.
     */
    static Map<String, Long> compilerThreads(Path proc) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
            threads.forEach(thread -> compilerThreadTicks(thread)
                    .ifPresent(t -> ticks.put(thread.getFileName().toString(), t)));
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the process ended meanwhile
        }
        return ticks;
    }

    private static Optional<Long> compilerThreadTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            return COMPILERS.stream().anyMatch(name::startsWith) ? Optional.of(ticks(thread)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the thread ended meanwhile
        }
    }

    /** User plus system time of the process at {@code proc} (a {@code /proc/<pid>} folder), in clock ticks. */
    static long ticks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
