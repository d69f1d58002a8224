package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An online operator without an open console becomes away after {@code auth.away_after}; one with a console stays online. */
class PresenceTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: PW }
              - { id: cy, name: Cy, email: cy@example.com, group: support, password_env: PW }
            widgets: [{ id: web, name: Web, group: support }]
            auth: { away_after: 5m }
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorWithoutAConsoleBecomesAwayAndOneWithAConsoleStaysOnline(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of("PW", "password"), clock)) {
            Map<String, String> ada = online(parley, "ada@example.com");
            Map<String, String> bob = online(parley, "bob@example.com");
            Map<String, String> cy = online(parley, "cy@example.com");
            StreamTest.Collector adaFrames = new StreamTest.Collector();
            WebSocket adaConsole = http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                    + parley.port() + "/api/v1/stream?token=" + ada.get("Authorization").substring(7)), adaFrames)
                    .join();
            ConsoleStreamTest.awaitFrame(adaFrames, f -> f.path("type").asText().equals("ready"));

            clock.advance(Duration.ofMinutes(4));
            http.put(parley.baseUrl() + "/api/v1/operators/me/status", cy, "{\"status\": \"online\"}");
            clock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(15)).until(() -> status(parley, ada, "bob").equals("away"));
            assertThat(status(parley, bob, "ada")).as("Ada's console is open").isEqualTo("online");
            assertThat(status(parley, ada, "cy")).as("Cy set a status 2 minutes ago").isEqualTo("online");

            adaConsole.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            // the server notes the close a moment later, and the timeout counts from there: time moves on meanwhile
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                clock.advance(Duration.ofMinutes(1));
                return status(parley, bob, "ada").equals("away");
            });
            assertThat(http.get(parley.baseUrl() + "/api/v1/operators/me", ada).json().path("status").asText())
                    .isEqualTo("away");
        }
    }

    Map<String, String> online(TestParley parley, String email) {
        Map<String, String> auth = OperatorLogin.as(http, parley.baseUrl(), email, "password");
        assertThat(http.put(parley.baseUrl() + "/api/v1/operators/me/status", auth, "{\"status\": \"online\"}")
                .status()).isEqualTo(200);
        return auth;
    }

    String status(TestParley parley, Map<String, String> asker, String operatorId) {
        for (JsonNode o : http.get(parley.baseUrl() + "/api/v1/forward-targets", asker).json().path("operators")) {
            if (o.path("id").asText().equals(operatorId)) {
                return o.path("status").asText();
            }
        }
        throw new AssertionError("no operator " + operatorId);
    }
}
