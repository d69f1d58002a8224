package dev.parley.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python Flask bot from {@code src/test/resources/bots}, run unchanged with
 * {@code python3 -m flask --app <module> run} on a free loopback port.
 */
public final class FlaskBot implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private FlaskBot(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code <module>.py} and waits until its port answers; its output goes to a file in {@code logDir}. */
    public static FlaskBot start(String module, Path logDir) {
        return start(botsFolder(module), module, Map.of(), logDir);
    }

    /** Starts the Flask app {@code <module>.py} of {@code folder} with extra environment variables. */
    public static FlaskBot start(Path folder, String module, Map<String, String> env, Path logDir) {
        int port = FreePort.next();
        Path log = logDir.resolve(module + "-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "flask", "--app", module, "run",
                "--host", "127.0.0.1", "--port", Integer.toString(port))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start python3 for " + module, e);
        }
        FlaskBot bot = new FlaskBot(process, port, log);
        try {
            await(module + " listening on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(bot::answers);
        } catch (RuntimeException | Error e) {
            bot.close();
            throw new AssertionError(module + " did not start; its output:\n" + bot.output(), e);
        }
        return bot;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + port + "/webhook";
    }

    /** What the bot printed so far (Flask's request log included). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the bot process exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path botsFolder(String module) {
        URL url = FlaskBot.class.getResource("/bots/" + module + ".py");
        if (url == null) {
            throw new IllegalArgumentException("no bot " + module + ".py in the test resources' bots folder");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
