package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.standin.TelegramWebhooks;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bot API down for 30 s of wall time, for a Parley on SQLite and one on PostgreSQL at the same time (so the
 * outage is waited for once): the first answers {@code 502 Bad Gateway}, retried with the outbox's backoff (after
 * about 1, 3, 9 and 27 s, so the fifth attempt, 32 to 48 s after the first, gets through); the second answers
 * {@code 429} with {@code retry_after}, which is waited for as Telegram asks. Either way the bot's three answers
 * arrive once each and in order, and only the first is tried while Telegram is down.
 */
class TelegramOutageTest {
    private static final long CHAT = 2222222L;

    @TempDir
    Path temp;

    @Test
    void whenTelegramIsDownFor30SecondsEveryMessageArrivesOnceInOrderOnBothStores() throws Exception {
        Duration outage = Duration.ofSeconds(30);
        try (TelegramRig sqlite = new TelegramRig(StoreKind.SQLITE, Files.createDirectories(temp.resolve("sqlite")));
                TelegramRig postgres = new TelegramRig(StoreKind.POSTGRESQL,
                        Files.createDirectories(temp.resolve("postgres")))) {
            Instant down = Instant.now();
            sqlite.telegram.failFor(outage, 502);
            postgres.telegram.failFor(outage, 429);
            accepted(sqlite.update(TelegramWebhooks.text(90000, CHAT, "three")));
            accepted(postgres.update(TelegramWebhooks.text(90000, CHAT, "three")));

            await().atMost(Duration.ofSeconds(75)).until(() -> sqlite.count("channel_outbound") == 3
                    && postgres.count("channel_outbound") == 3);
            assertThat(Duration.between(down, Instant.now())).isGreaterThanOrEqualTo(outage);
            for (TelegramRig rig : List.of(sqlite, postgres)) {
                assertThat(rig.telegram.texts()).containsExactly("one", "two", "three");
                List<String> tried = rig.calls(TelegramRig.TOKEN, "sendMessage").stream()
                        .map(m -> m.path("text").asText()).toList();
                assertThat(tried.subList(0, tried.size() - 2)).as("only the first is tried while Telegram is down")
                        .containsOnly("one").hasSizeGreaterThan(1);
                assertThat(rig.stored("channel_error")).isEmpty();
                await().atMost(Duration.ofSeconds(15)).until(rig.parley::drained);
                assertThat(rig.telegram.texts()).hasSize(3);
            }
            assertThat(postgres.calls(TelegramRig.TOKEN, "sendMessage")).as("429: retried once, after retry_after")
                    .hasSize(4);
        }
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
