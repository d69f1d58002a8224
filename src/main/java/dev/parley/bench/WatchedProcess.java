package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process whose CPU time a benchmark phase reports on its own line: a Parley node started for the run,
 * or the Redis server the nodes share.
 */
record WatchedProcess(String label, long pid) {

    /** CPU ticks used so far; what a process that already ended used no longer counts. */
    long ticks() {
        try {
            return ProcessCpu.ticks(Path.of("/proc", Long.toString(pid)));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU ticks each of its JIT compiler threads used so far, by thread id; empty for a process that is no JVM. */
    Map<String, Long> compilerThreads() {
        return ProcessCpu.compilerThreads(Path.of("/proc", Long.toString(pid)));
    }

    /** Every running process whose command line starts with {@code command} (e.g. {@code redis-server}). */
    static List<WatchedProcess> named(String label, String command) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine(p).startsWith(command))
                    .map(p -> new WatchedProcess(label, Long.parseLong(p.getFileName().toString()))).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String commandLine(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return ""; // the process ended meanwhile, or is not ours to read
        }
    }
}
