package dev.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How busy the machine's cores were during a phase, and how much of that was this process (Parley,
 * the bot and the contacts); the rest is other processes, PostgreSQL's server among them. Linux only.
 */
final class CpuMeter {
    private static final long TICKS_PER_SECOND = 100;

    /**
     * Cores kept busy on average.
     *
     * @param machine all processes together
     * @param process this JVM alone
     */
    record Use(double machine, double process) {}

    private final Optional<Long> machineStart;
    private final long processStart;
    private final long wallStart;

    private CpuMeter(Optional<Long> machineStart, long processStart, long wallStart) {
        this.machineStart = machineStart;
        this.processStart = processStart;
        this.wallStart = wallStart;
    }

    static CpuMeter start() {
        return new CpuMeter(machineTicks(), processNanos(), System.nanoTime());
    }

    Optional<Use> stop() {
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        long process = processNanos() - processStart;
        return machineStart.flatMap(start -> machineTicks().map(end -> {
            return new Use((end - start) / (double) TICKS_PER_SECOND / seconds, process / 1e9 / seconds);
        }));
    }

    /** Busy ticks of all cores (user, nice, system, irq, softirq) from the first line of {@code /proc/stat}. */
    private static Optional<Long> machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            long[] v = Arrays.stream(cpu.trim().split("\\s+")).skip(1).limit(7).mapToLong(Long::parseLong).toArray();
            return Optional.of(v[0] + v[1] + v[2] + v[5] + v[6]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
