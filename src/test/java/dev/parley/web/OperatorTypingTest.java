package dev.parley.web;

import static dev.parley.testing.OperatorLogin.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact sees an operator typing as the same typing frame a bot sends during a delay. */
class OperatorTypingTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void theContactSeesTheOperatorTypingOnlyWhereTheOperatorMayReply() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, PresenceTest.WORKSPACE,
                Map.of("PW", "password"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("Hello?");
            StreamTest.Collector frames = new StreamTest.Collector();
            new StreamTest().connect(parley, contact, "token=" + contact.token(), frames);
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "password");
            String conv = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
            assertThat(http.post(conv + "/typing", ada, "{\"active\": true}").status()).as("not hers yet")
                    .isEqualTo(409);
            assertThat(http.post(conv + "/take", ada, "{}").status()).isEqualTo(200);

            assertThat(http.post(conv + "/typing", ada, "{\"active\": true}").status()).isEqualTo(204);
            ConsoleStreamTest.awaitFrame(frames, f -> f.path("type").asText().equals("typing")
                    && f.path("active").asBoolean());
            JsonNode typing = frames.frames.stream().filter(f -> f.path("type").asText().equals("typing"))
                    .findFirst().orElseThrow();
            assertThat(typing.path("author").path("type").asText()).isEqualTo("operator");
            assertThat(typing.path("author").path("name").asText()).isEqualTo("Ada");
            assertThat(http.post(conv + "/typing", ada, "{\"active\": false}").status()).isEqualTo(204);
            ConsoleStreamTest.awaitFrame(frames, f -> f.path("type").asText().equals("typing")
                    && !f.path("active").asBoolean());

            assertThat(http.post(conv + "/typing", bob, "{\"active\": true}").status()).isEqualTo(409);
            assertRefused(http.post(conv + "/typing", ada, "{}"), 400, "active");
            assertRefused(http.post(conv + "/typing", ada, "{\"active\": \"yes\"}"), 400, "active");
            assertThat(http.post(conv + "/typing", Map.of(), "{\"active\": true}").status()).isEqualTo(401);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/nope/typing", ada, "{\"active\": true}")
                    .status()).isEqualTo(404);
        }
    }

}
