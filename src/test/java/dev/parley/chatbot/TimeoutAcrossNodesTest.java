package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.cluster.RedisSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Ids;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes sweep the same bot sessions for timeouts; each timeout fires once. */
class TimeoutAcrossNodesTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();

    @Test
    void anIdleSessionIsUnassignedOnceThoughBothNodesSweepIt() {
        RedisSettings redis = new RedisSettings("redis://127.0.0.1:6379", "parley-test-" + UUID.randomUUID() + ":");
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                TestDatabase db = StoreKind.POSTGRESQL.create(temp)) {
            ParleyConfig config = ConfigLoader.parse(TimeoutTest.workspace(bot.url(), "unassign", "2h", 6),
                    "parley.yml", Map.of("PW", "pw"));
            try (Parley nodeA = Parley.start(db.settings().withRedis(redis), config, clock, Ids.random());
                    Parley nodeB = Parley.start(db.settings().withRedis(redis), config, clock, Ids.random())) {
                List<WebContact> contacts = IntStream.range(0, 6).mapToObj(i -> WebContact.open(http,
                        "http://127.0.0.1:" + (i % 2 == 0 ? nodeA : nodeB).port(), "web")).toList();
                clock.advance(Duration.ofMinutes(11));
                contacts.forEach(c -> c.awaitItem("unassigned", Items.packet("conversation_forwarded")));
                // both nodes sweep every 50 ms: let them go over the idle sessions several more times
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> contacts.stream()
                        .allMatch(c -> c.transcript().stream().filter(Items.packet("conversation_forwarded"))
                                .count() == 1));
                assertThat(contacts).allSatisfy(c -> assertThat(c.transcript())
                        .filteredOn(Items.packet("conversation_forwarded")).hasSize(1));
            }
        }
    }
}
