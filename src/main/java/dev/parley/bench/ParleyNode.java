package dev.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One Parley node as a process of its own: {@code serve} on the classpath of this JVM, on a free
 * loopback port, with its output in a log file; ready once {@code /health/ready} answers 200.
 */
final class ParleyNode implements AutoCloseable {
    private static final Duration START_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final UndoneOnExit stop;

    private ParleyNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stop = new UndoneOnExit("the Parley node " + process.pid(), this::stop);
    }

    /** Starts a node on {@code config} with {@code env} added to this process's environment; waits until ready. */
    static ParleyNode start(Path config, Path dataDir, Map<String, String> env, Path log) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.parley.cli.Main", "serve", "--port",
                Integer.toString(port), "--config", config.toString(), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
        pb.environment().putAll(env);
        ParleyNode node;
        try {
            node = new ParleyNode(pb.start(), port, log);
        } catch (IOException e) {
            throw new BenchException("cannot start a Parley node: " + e.getMessage(), e);
        }
        node.awaitReady();
        return node;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() {
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        long until = System.nanoTime() + START_WITHIN.toNanos();
        try (HttpClient http = Clients.http()) {
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new BenchException("a Parley node stopped while starting; its output:\n" + output());
                }
                try {
                    if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new BenchException("interrupted while a Parley node started", e);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        close();
        throw new BenchException("a Parley node was not ready within " + START_WITHIN.toSeconds() + " s; its output:\n"
                + output());
    }

    private String output() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Asks the node to stop as an operator would (SIGTERM), without waiting for it. */
    void terminate() {
        process.destroy();
    }

    /** Stops the node (SIGTERM), and for good if it has not stopped within 10 s. */
    @Override
    public void close() {
        stop.now();
    }

    private void stop() {
        terminate();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
