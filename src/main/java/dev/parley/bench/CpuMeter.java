package dev.parley.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How busy the machine's cores were during a phase, how much of that was this process (Parley, the bot
 * and the contacts) and how much the PostgreSQL server processes of the benchmark's database (with the
 * server's own background writers), how much each other process the target names (Parley nodes of their
 * own, Redis), how much of the JVMs' time went to their JIT compilers, and how many SQL statements and
 * commits Parley sent meanwhile.
 * Linux only; CPU time comes from {@code /proc}, the counts from Parley's store counters.
 */
final class CpuMeter {
    private static final long TICKS_PER_SECOND = 100;
    /** Server processes that work for every database: the log is written and flushed by them. */
    private static final String[] SHARED_POSTGRES = {"walwriter", "checkpointer", "background writer"};

    /**
     * What a phase used.
     *
     * @param machine cores busy on average, all processes together
     * @param process cores busy on average, this JVM alone
     * @param postgres cores busy on average, PostgreSQL backends of the benchmark's database and the shared writers
     * @param seconds length of the phase
     * @param statements SQL statements Parley sent (without BEGIN and COMMIT)
     * @param commits write transactions Parley committed
     * @param compilers cores busy on average, JIT compiler threads of this JVM and of the target's other JVMs
     *     (already counted in {@code process} and {@code others}): code still being compiled while measuring
     * @param others cores busy on average, by the label of each process the target named, in its order
     */
    record Use(double machine, double process, double postgres, double seconds, long statements, long commits,
            double compilers, Map<String, Double> others) {

        Use {
            others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        /** Cores busy on average for the target: this process, PostgreSQL and the other processes. */
        double total() {
            return process + postgres + others.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Optional<Long> machineStart;
    private final long processStart;
    private final long postgresStart;
    private final long statementsStart;
    private final long commitsStart;
    private final Map<String, Long> compilersStart;
    private final long wallStart;
    private final List<WatchedProcess> watched;
    private final long[] watchedStart;

    private CpuMeter(List<WatchedProcess> watched) {
        this.watched = List.copyOf(watched);
        this.watchedStart = this.watched.stream().mapToLong(WatchedProcess::ticks).toArray();
        this.machineStart = machineTicks();
        this.processStart = processNanos();
        this.postgresStart = postgresTicks();
        this.statementsStart = count("parley.db.statements");
        this.commitsStart = count("parley.db.commits");
        this.compilersStart = compilerThreads(this.watched);
        this.wallStart = System.nanoTime();
    }

    /** Starts measuring; {@code watched} are processes of the target besides this one and PostgreSQL. */
    static CpuMeter start(List<WatchedProcess> watched) {
        return new CpuMeter(watched);
    }

    Optional<Use> stop() {
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        long process = processNanos() - processStart;
        double postgres = cores(postgresTicks() - postgresStart, seconds);
        long statements = count("parley.db.statements") - statementsStart;
        long commits = count("parley.db.commits") - commitsStart;
        double compilers = compilerCores(compilersStart, compilerThreads(watched), seconds);
        Map<String, Double> others = new LinkedHashMap<>();
        for (int i = 0; i < watched.size(); i++) {
            others.merge(watched.get(i).label(),
                    cores(watched.get(i).ticks() - watchedStart[i], seconds), Double::sum);
        }
        return machineStart.flatMap(start -> machineTicks().map(end -> new Use(
                cores(end - start, seconds), process / 1e9 / seconds, postgres, seconds,
                statements, commits, compilers, others)));
    }

    /**
     * CPU ticks each JIT compiler thread of this JVM and of the watched processes used so far, by process
     * and thread id.
     */
    static Map<String, Long> compilerThreads(List<WatchedProcess> watched) {
        Map<String, Long> ticks = new HashMap<>();
        ProcessCpu.compilerThreads(Path.of("/proc/self")).forEach((tid, t) -> ticks.put("self/" + tid, t));
        watched.forEach(p -> p.compilerThreads().forEach((tid, t) -> ticks.put(p.pid() + "/" + tid, t)));
        return ticks;
    }

    /**
     * Cores the compiler threads kept busy between two {@link #compilerThreads} readings {@code seconds}
     * apart: what each thread listed at the end used since the start (all of it when it started meanwhile).
     * A thread that ended meanwhile is not counted, so the figure is never below zero.
     */
    static double compilerCores(Map<String, Long> start, Map<String, Long> end, double seconds) {
        return cores(end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum(),
                seconds);
    }

    /** Cores {@code ticks} clock ticks keep busy over {@code seconds}. */
    static double cores(long ticks, double seconds) {
        return ticks / (double) TICKS_PER_SECOND / seconds;
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

    /** User and system ticks of the PostgreSQL processes that serve a benchmark database or every database. */
    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuMeter::postgresTicks).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path proc) {
        try {
            String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            boolean serves = cmdline.startsWith("postgres: ") && (cmdline.contains(PostgresScratch.PREFIX)
                    || Arrays.stream(SHARED_POSTGRES).anyMatch(cmdline::contains));
            return serves ? ProcessCpu.ticks(proc) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    private static long count(String counter) {
        return Optional.ofNullable(Metrics.globalRegistry.find(counter).counter()).map(Counter::count)
                .orElse(0.0).longValue();
    }

    private static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
