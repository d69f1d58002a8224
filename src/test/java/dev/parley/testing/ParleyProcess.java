package dev.parley.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parley as its own JVM ({@code dev.parley.cli.Main serve}), on the test's classpath, so that a test
 * can kill it without warning ({@link #kill}: SIGKILL) and start it again on the same data.
 */
public final class ParleyProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ParleyProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code serve --port <free> --config <config> --data-dir <dataDir>} with the given extra
     * environment (inherited {@code PARLEY_*} variables are dropped) and waits until it is ready.
     */
    public static ParleyProcess start(Path config, Path dataDir, Map<String, String> env, Path log) {
        int port = FreePort.next();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.parley.cli.Main", "serve",
                "--port", Integer.toString(port), "--config", config.toString(), "--data-dir", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Parley JVM", e);
        }
        ParleyProcess parley = new ParleyProcess(process, port, log);
        JsonHttp http = new JsonHttp();
        try {
            await("Parley ready on port " + port).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> parley.ready(http));
        } catch (RuntimeException | Error e) {
            parley.kill();
            throw new AssertionError("Parley did not become ready; its output:\n" + parley.output(), e);
        }
        return parley;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private boolean ready(JsonHttp http) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Parley exited with " + process.exitValue());
        }
        return http.get(baseUrl() + "/health/ready", Map.of()).status() == 200;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
