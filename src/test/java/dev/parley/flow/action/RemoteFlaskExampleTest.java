package dev.parley.flow.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.flow.spi.ActionRequest;
import dev.parley.testing.FlaskBot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python remote action node of docs/flows.md, run unchanged, called through the {@code remote} action. */
class RemoteFlaskExampleTest {
    private static final String SECRET = "loyalty-secret-7";
    private static FlaskBot service;
    private final ActionNodes actions = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty()));

    @BeforeAll
    static void start(@TempDir Path logs) {
        service = FlaskBot.start(Path.of("examples/remote-actions"), "loyalty",
                Map.of("LOYALTY_SIGNING_SECRET", SECRET), logs);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private ActionOutcome call(String email, String secret) {
        Map<String, Object> contact = email == null ? Map.of("id", "c-1") : Map.of("id", "c-1", "email", email);
        return actions.run("remote", new ActionRequest("loyalty", Map.of("url", service.url("/actions/loyalty"),
                "signing_secret", secret, "program", "stars"), Map.of(), "sandbox", Map.of(), contact, Map.of(),
                new Requests.Timeline(), Instant.now().plusSeconds(10)));
    }

    @Test
    void aMemberGetsPointsAndTier() {
        ActionOutcome outcome = call("carla@example.com", SECRET);

        assertThat(outcome.outcome()).as(service.output()).isEqualTo("success");
        assertThat(outcome.data()).isEqualTo(Map.of("points", 1200, "tier", "gold", "program", "stars"));
    }

    @Test
    void theServicesOwnOutcomesComeThrough() {
        assertThat(call("bob@example.com", SECRET).outcome()).isEqualTo("not_member");
        assertThat(call(null, SECRET).outcome()).isEqualTo("no_email");
    }

    @Test
    void aWrongSecretIsRefusedByTheServiceAndEndsInError() {
        ActionOutcome outcome = call("carla@example.com", "guessed");

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).startsWith("127.0.0.1:").contains("answered HTTP 401");
    }
}
