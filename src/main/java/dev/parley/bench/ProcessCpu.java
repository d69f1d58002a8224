package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time a process has used so far, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {
    private ProcessCpu() {}

    /** User plus system time of the process at {@code proc} (a {@code /proc/<pid>} folder), in clock ticks. */
    static long ticks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
