package dev.parley.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.RetentionConfig;
import dev.parley.json.Json;
import dev.parley.media.RawHttp;
import dev.parley.privacy.RetentionJob.Removed;
import dev.parley.store.Database;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code retention:} applied by the daily job, with the clock moved forward instead of waiting. */
class RetentionTest {
    static final String WORKSPACE = """
            public_base_url: https://chat.example.com
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
            bots:
              - { id: hookbot, name: Hook Bot, group: support, type: api, behavior: firewall, webhook_url: "%s",
                  webhook_retry: { attempts: 1, first_delay: 50ms }, request_timeout: 2s }
            widgets: [{ id: web, name: Web, group: support }]
            retention:
              ended_conversations: 30d
              delivery_log: 7d
              dead_letters: 14d
              media: 60d
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();

    record Chat(String conversationId, String secret, String mediaId) {}

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void eachKindOfDataGoesWhenItsPeriodIsOverAndConversationsStillCount(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((headers, body) -> new WebhookRecorder.Reply(503, "down"));
                TestParley parley = TestParley.start(kind, temp, WORKSPACE.formatted(bot.url()),
                        Map.of("ADA_PW", "ada-password"), clock)) {
            Database db = parley.parley().database();
            String ada = login(parley);
            Chat ended = chat(parley, "ENDED-SECRET-1");
            Chat open = chat(parley, "OPEN-SECRET-2");
            assertThat(http.post(api(parley, "/conversations/" + ended.conversationId() + "/end"), auth(ada), "")
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> StoredTraces.count(db,
                    "SELECT count(*) FROM outbox_dead") >= 2);
            int deliveries = StoredTraces.count(db, "SELECT count(*) FROM deliveries");
            int items = StoredTraces.count(db, "SELECT count(*) FROM timeline");
            assertThat(StoredTraces.count(db, "SELECT count(*) FROM deliveries WHERE request_body IS NOT NULL"))
                    .isEqualTo(deliveries).isGreaterThanOrEqualTo(2);
            RetentionJob job = parley.parley().retention();

            assertThat(job.runOnce()).isEqualTo(new Removed(0, 0, 0, 0));

            clock.advance(Duration.ofDays(8));
            assertThat(job.runOnce()).isEqualTo(new Removed(0, deliveries, 0, 0));
            assertThat(StoredTraces.count(db, "SELECT count(*) FROM deliveries")).isEqualTo(deliveries);
            assertThat(StoredTraces.count(db, "SELECT count(*) FROM deliveries WHERE request_body IS NOT NULL"
                    + " OR response_body IS NOT NULL")).isZero();
            assertThat(StoredTraces.allTables(db)).contains(ended.secret(), open.secret());

            clock.advance(Duration.ofDays(7));
            assertThat(job.runOnce().deadLetters()).isGreaterThanOrEqualTo(2);
            assertThat(StoredTraces.count(db, "SELECT count(*) FROM outbox_dead")).isZero();
            assertThat(StoredTraces.allTables(db)).contains(ended.secret());

            clock.advance(Duration.ofDays(16));
            assertThat(job.runOnce()).isEqualTo(new Removed(1, 0, 0, 1));
            String stored = StoredTraces.allTables(db);
            assertThat(stored).doesNotContain(ended.secret()).doesNotContain(ended.mediaId())
                    .contains(open.secret(), open.mediaId());
            assertThat(StoredTraces.mediaFiles(parley)).containsExactly(open.mediaId());
            assertThat(StoredTraces.count(db, "SELECT count(*) FROM timeline")).isEqualTo(items);
            ada = login(parley);
            assertThat(http.get(api(parley, "/conversations?status=ended"), auth(ada)).json().path("items"))
                    .extracting(c -> c.path("id").asText()).containsExactly(ended.conversationId());

            clock.advance(Duration.ofDays(30));
            assertThat(job.runOnce()).isEqualTo(new Removed(0, 0, 0, 1));
            assertThat(StoredTraces.mediaFiles(parley)).isEmpty();
            assertThat(StoredTraces.allTables(db)).as("an open conversation keeps its text").contains(open.secret());
            assertThat(job.runOnce()).isEqualTo(new Removed(0, 0, 0, 0));

            ada = login(parley);
            JsonNode audit = http.get(api(parley, "/audit"), auth(ada)).json().path("items");
            assertThat(audit).extracting(e -> e.path("action").asText() + " by " + e.path("actor").path("id")
                    .asText()).containsOnly("retention.apply by retention").hasSize(4);
            assertThat(audit.get(1).path("detail").path("conversations").asInt()).isEqualTo(1);
        }
    }

    @Test
    void periodsAreAtLeastADayOrForeverAndKeepEverythingWhenLeftOut() {
        assertThat(ConfigLoader.parse("groups: []", "parley.yml", Map.of()).retention())
                .isEqualTo(RetentionConfig.KEEP_ALL);
        assertThat(ConfigLoader.parse("retention: { media: 90d, delivery_log: forever }", "parley.yml", Map.of())
                .retention()).isEqualTo(new RetentionConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Duration.ofDays(90))));
        assertThatThrownBy(() -> ConfigLoader.parse("retention: { media: 30 }", "parley.yml", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.media")
                .hasMessageContaining("must be at least 1d");
        assertThatThrownBy(() -> ConfigLoader.parse("retention: { conversations: 30d }", "parley.yml", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("conversations");
    }

    Chat chat(TestParley parley, String secret) {
        HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                "{\"contact\": {}}");
        String conversation = opened.json().path("conversation_id").asText();
        Map<String, String> contact = Map.of("Authorization", "Bearer " + opened.json().path("contact_token").asText());
        String web = parley.baseUrl() + "/api/web/v1/conversations/" + conversation;
        assertThat(http.post(web + "/messages", contact, "{\"body\": \"" + secret + "\"}").status()).isEqualTo(202);
        HttpAnswer upload = RawHttp.post(web + "/media", contact, List.of(RawHttp.Part.file(secret + ".txt",
                "text/plain", secret.getBytes(StandardCharsets.UTF_8))));
        assertThat(upload.status()).as("%s", upload).isEqualTo(202);
        JsonNode items = http.get(web + "/messages", contact).json().path("items");
        String url = items.findValues("url").stream().map(JsonNode::asText).filter(u -> u.contains("/media/"))
                .findFirst().orElseThrow();
        return new Chat(conversation, secret, url.substring(url.indexOf("/media/") + 7, url.indexOf("/media/") + 39));
    }

    /** A new token: one taken before the clock moved a month may have expired. */
    String login(TestParley parley) {
        HttpAnswer a = http.post(api(parley, "/auth/login"), Map.of(),
                Json.write(Json.object().put("email", "ada@example.com").put("password", "ada-password")));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static String api(TestParley parley, String path) {
        return parley.baseUrl() + "/api/v1" + path;
    }
}
