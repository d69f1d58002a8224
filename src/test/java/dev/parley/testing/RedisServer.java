package dev.parley.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of one test alone, on a free loopback port, keeping nothing on disk: a test
 * that stops or restarts Redis uses one, so that the shared Redis on 6379 — and every other test
 * running beside it — never sees it go away. {@link #stop} and {@link #start} again keep the port.
 */
public final class RedisServer implements AutoCloseable {
    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** Starts a Redis on a free port and returns once it answers {@code PING}. */
    public static RedisServer start() {
        RedisServer redis = new RedisServer(FreePort.next());
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Ends the server at once (SIGTERM; it saves nothing) and returns once it has exited. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same port (after {@link #stop}); returns once it answers {@code PING}. */
    public void startAgain() {
        if (process != null) {
            throw new IllegalStateException("redis-server on " + port + " is already running");
        }
        try {
            process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port",
                    Integer.toString(port), "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (./parley test needs it installed)", e);
        }
        Process started = process;
        await("redis-server on " + port).atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .failFast("redis-server on " + port + " exited", () -> !started.isAlive())
                .until(this::answersPing);
    }

    /** True when this very server answers: a process of someone else's on the port would not be ours. */
    private boolean answersPing() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(7);
            return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII)) && process.isAlive();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
