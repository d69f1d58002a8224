package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine the figures were measured on. */
record Machine(int cpus, String cpuModel, String memory, String jdk, String os, String loadAverage) {

    static Machine describe() {
        Runtime.Version v = Runtime.version();
        String jdk = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "JVM")
                + " " + v;
        String os = line("/etc/os-release", "PRETTY_NAME=").map(s -> s.substring(12).replace("\"", ""))
                .orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
        String cpu = line("/proc/cpuinfo", "model name").map(s -> s.replaceFirst("^[^:]*:\\s*", "")).orElse("unknown");
        String memory = line("/proc/meminfo", "MemTotal:")
                .map(s -> Long.parseLong(s.replaceAll("\\D", "")) / 1024.0 / 1024.0)
                .map(gib -> String.format(Locale.ROOT, "%.1f GiB", gib)).orElse("unknown");
        String load = read("/proc/loadavg").map(s -> String.join(" ", List.of(s.split("\\s+")).subList(0, 3)))
                .orElse("unknown");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, jdk, os, load);
    }

    private static Optional<String> line(String file, String prefix) {
        return read(file).flatMap(text -> text.lines().filter(l -> l.startsWith(prefix)).findFirst());
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
