package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/conversations?text=} finds conversations by what was written in them: admins in all,
 * agents only in those they may see (not while a bot has them); {@code %} and {@code _} are plain characters.
 */
class MessageSearchTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void findsConversationsByMessageTextWithinWhatTheOperatorMaySee(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, """
                        groups: [{ id: support, name: Support }, { id: sales, name: Sales }]
                        operators:
                          - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin,
                              password_env: ADA_PW }
                          - { id: bob, name: Bob, email: bob@example.com, group: sales, password_env: BOB_PW }
                        bots:
                          - { id: triage, name: Triage, group: support, type: api, behavior: firewall,
                              webhook_url: "%s" }
                        widgets:
                          - { id: bots, name: Bots, group: support }
                          - { id: web, name: Web, group: sales }
                        """.formatted(bot.url()), Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            WebContact withBot = WebContact.open(http, parley.baseUrl(), "bots");
            withBot.say("I want a REFUND for order 7");
            WebContact waiting = WebContact.open(http, parley.baseUrl(), "web");
            waiting.say("Hello");
            waiting.say("Where is my refund? It said 50% off");
            WebContact other = WebContact.open(http, parley.baseUrl(), "web");
            other.say("500 off for user a_b, no refunding");
            WebContact quiet = WebContact.open(http, parley.baseUrl(), "web");
            quiet.say("Just looking, axb");

            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "bob-password");

            JsonNode all = search(parley, ada, "refund");
            assertThat(ids(all)).containsExactlyInAnyOrder(withBot.conversationId(),
                    waiting.conversationId(), other.conversationId());
            JsonNode hit = item(all, waiting.conversationId());
            assertThat(hit.path("match").path("packet").path("payload").path("body").asText())
                    .isEqualTo("Where is my refund? It said 50% off");
            assertThat(hit.path("match").path("author").path("type").asText()).isEqualTo("contact");

            assertThat(ids(search(parley, bob, "refund")))
                    .as("an agent does not see the conversation the bot has")
                    .containsExactlyInAnyOrder(waiting.conversationId(), other.conversationId());
            assertThat(search(parley, bob, "REFUND FOR").path("items")).isEmpty();
            assertThat(ids(search(parley, ada, "refund for")))
                    .containsExactly(withBot.conversationId());

            assertThat(ids(search(parley, ada, "50%")))
                    .containsExactly(waiting.conversationId());
            assertThat(ids(search(parley, ada, "a_b")))
                    .containsExactly(other.conversationId());
            assertThat(search(parley, ada, "refund&status=inbox").path("items")).hasSize(2);

            HttpAnswer tooLong = http.get(parley.baseUrl() + "/api/v1/conversations?text=" + "x".repeat(201), ada);
            OperatorLogin.assertRefused(tooLong, 400, "text");
        }
    }

    private JsonNode search(TestParley parley, Map<String, String> auth, String text) {
        String[] parts = text.split("&", 2);
        String query = "text=" + URLEncoder.encode(parts[0], StandardCharsets.UTF_8)
                + (parts.length > 1 ? "&" + parts[1] : "");
        HttpAnswer a = http.get(parley.baseUrl() + "/api/v1/conversations?" + query, auth);
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json();
    }

    private static List<String> ids(JsonNode list) {
        return list.path("items").valueStream().map(n -> n.path("id").asText()).toList();
    }

    private static JsonNode item(JsonNode list, String id) {
        return list.path("items").valueStream().filter(n -> n.path("id").asText().equals(id)).findFirst()
                .orElseThrow();
    }
}
