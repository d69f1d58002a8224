package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database and one Redis count every request against the same limits. */
class SharedLimitsTest {
    static final String TOKEN = "alpha-api-token";

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();
    WebhookRecorder bot;
    TestDatabase database;
    Parley nodeA;
    Parley nodeB;

    @BeforeEach
    void startTwoNodes() {
        bot = WebhookRecorder.start((headers, body) -> WebhookRecorder.Reply.empty());
        database = StoreKind.POSTGRESQL.create(temp);
        String yaml = """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                bots:
                  - { id: alpha, name: Alpha, group: support, type: api, behavior: firewall, slots: 100,
                      webhook_url: "%s", api_token_env: ALPHA_API_TOKEN }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(bot.url());
        ParleyConfig config = ConfigLoader.parse(yaml, "parley.yml",
                Map.of("ADA_PW", "ada-password", "ALPHA_API_TOKEN", TOKEN));
        RedisSettings redis = new RedisSettings("redis://127.0.0.1:6379", "parley-test-" + UUID.randomUUID() + ":");
        nodeA = Parley.start(database.settings().withRedis(redis), config, clock, Ids.random());
        nodeB = Parley.start(database.settings().withRedis(redis), config, clock, Ids.random());
    }

    @AfterEach
    void stop() {
        Optional.ofNullable(nodeB).ifPresent(Parley::close);
        Optional.ofNullable(nodeA).ifPresent(Parley::close);
        database.close();
        bot.close();
    }

    String base(Parley node) {
        return "http://127.0.0.1:" + node.port();
    }

    HttpAnswer botMessage(Parley node, String cid, String body) {
        var event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", "message").set("payload", Json.object().put("body", body));
        return http.post(base(node) + "/api/chatbot/v1/bots/alpha/events", Map.of("SECURITY-TOKEN", TOKEN),
                Json.write(event));
    }

    String cidOf(WebContact contact) {
        return await("start event").atMost(Duration.ofSeconds(20)).until(() -> bot.calls().stream()
                .filter(c -> c.info().path("conversation").path("id").asText().equals(contact.conversationId()))
                .map(WebhookRecorder.Call::cid).findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void theTwentyFirstChatbotRequestForOneCidIsRefusedOnTheOtherNode() {
        String cid = cidOf(WebContact.open(http, base(nodeA), "web"));
        for (int i = 1; i <= 20; i++) {
            Parley node = i % 2 == 0 ? nodeB : nodeA;
            assertThat(botMessage(node, cid, "reply " + i).status()).as("request %s", i).isEqualTo(200);
        }
        HttpAnswer refused = botMessage(nodeB, cid, "reply 21");
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(botMessage(nodeA, cid, "reply 21 on A").status()).isEqualTo(429);

        String other = cidOf(WebContact.open(http, base(nodeB), "web"));
        assertThat(botMessage(nodeA, other, "another cid is not limited").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(botMessage(nodeB, cid, "a minute later").status()).isEqualTo(200);
    }

    @Test
    void failedLogInsOnOneNodeLimitTheAccountOnTheOther() {
        for (int i = 0; i < 10; i++) {
            Parley node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(login(node, "ada-guess-" + i).status()).isEqualTo(401);
        }
        HttpAnswer refused = login(nodeB, "ada-password");
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(login(nodeA, "ada-password").status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(login(nodeA, "ada-password").status()).isEqualTo(200);
    }

    HttpAnswer login(Parley node, String password) {
        return http.post(base(node) + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", "ada@example.com").put("password", password)));
    }
}
