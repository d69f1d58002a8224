package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Request bodies that never finish: trickled, stalled or cut short. Each ends in a 4xx and at most one log line. */
class SlowRequestTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: web, name: Web, group: support }]
            server: { idle_timeout: 2s, read_timeout: 3s }
            """;
    static final String OPEN = "/api/web/v1/widgets/web/conversations";

    @TempDir
    Path temp;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        dribbler.shutdownNow();
    }

    static String head(int contentLength) {
        return "POST " + OPEN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** Everything the server sends until it closes the connection (or 20 s pass). */
    static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the answer ends the reading just as a close does
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyTrickledAByteAtATimeIsCutOffAtTheReadTimeout() throws Exception {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of());
                Socket socket = new Socket("127.0.0.1", parley.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head(10_000).getBytes(StandardCharsets.US_ASCII));
            out.write('{');
            out.flush();
            long start = System.nanoTime();
            dribbler.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 250, 250, TimeUnit.MILLISECONDS);

            String answer = answer(socket);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("\"code\":\"request_timeout\"");
            assertThat(took).as("cut at the read timeout, long before 10,000 bytes at 4 per second")
                    .isBetween(Duration.ofMillis(2500), Duration.ofSeconds(15));
            assertThat(warnings()).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aStalledBodyIsDroppedAfterTheIdleTimeout() throws Exception {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of());
                Socket socket = new Socket("127.0.0.1", parley.port())) {
            socket.getOutputStream().write((head(100) + "{\"contact\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();

            String answer = answer(socket);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500),
                    Duration.ofSeconds(15));
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
            assertThat(errors()).isEmpty();
        }
    }

    @Test
    void aBodyCutShortIsA400AndOneWarningWithoutAStackTrace() throws Exception {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of());
                Socket socket = new Socket("127.0.0.1", parley.port())) {
            socket.getOutputStream().write((head(100) + "{\"contact\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();

            String answer = answer(socket);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"code\":\"body_incomplete\"");
            assertThat(errors()).isEmpty();
            assertThat(warnings()).hasSize(1);
            assertThat(warnings().getFirst().getThrowableProxy()).isNull();
        }
    }

    java.util.List<ILoggingEvent> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    java.util.List<ILoggingEvent> errors() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    }
}
