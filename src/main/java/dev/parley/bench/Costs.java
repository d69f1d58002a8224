package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one round trip of a phase cost each process of the target, in CPU time. */
final class Costs {
    /** Below this many cores busy a process did not take part (PostgreSQL in a SQLite run). */
    private static final double IDLE = 0.005;
    static final String THIS_JVM = "this JVM (contacts, bot, in-process target)";
    static final String POSTGRES = "PostgreSQL";

    /** One process: cores it kept busy on average, and CPU milliseconds per round trip. */
    record Line(String process, double cores, double millis) {}

    private Costs() {}

    /** This JVM, PostgreSQL when it worked, then the target's own processes; empty without CPU figures. */
    static List<Line> of(PhaseResult phase) {
        if (phase.cpu().isEmpty() || phase.roundTrips() == 0) {
            return List.of();
        }
        CpuMeter.Use u = phase.cpu().get();
        double roundTrips = phase.perSecond() * u.seconds(); // round trips completed while the meter ran
        List<Line> lines = new ArrayList<>();
        lines.add(line(THIS_JVM, u.process(), u, roundTrips));
        if (u.postgres() >= IDLE) {
            lines.add(line(POSTGRES, u.postgres(), u, roundTrips));
        }
        for (Map.Entry<String, Double> other : u.others().entrySet()) {
            lines.add(line(other.getKey(), other.getValue(), u, roundTrips));
        }
        return List.copyOf(lines);
    }

    /** CPU milliseconds per round trip of every process of the target together. */
    static Optional<Double> totalMillis(PhaseResult phase) {
        List<Line> lines = of(phase);
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.stream().mapToDouble(Line::millis).sum());
    }

    private static Line line(String process, double cores, CpuMeter.Use u, double roundTrips) {
        return new Line(process, cores, cores * u.seconds() * 1000 / roundTrips);
    }
}
