package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.standin.TelegramWebhooks;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Bot API down for 30 s, told by Parley's clock ({@link VendorOutage}). Answering {@code 502 Bad Gateway}, it
 * is retried with the outbox's backoff (after about 1, 3, 9 and 27 s, so the fifth attempt, 32 to 48 s after the
 * first, is the first after the outage); answering {@code 429} with {@code retry_after}, it is asked again once,
 * when Telegram said. Either way the bot's three answers arrive once each and in order, and only the first is tried
 * while Telegram is down.
 */
class TelegramOutageTest {
    private static final long CHAT = 2222222L;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTelegramAnswers502For30SecondsEveryMessageArrivesOnceInOrder(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            assertThat(sentThroughAnOutage(rig, 502))
                    .containsExactly("one", "one", "one", "one", "one", "two", "three");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTelegramAnswers429For30SecondsItIsAskedAgainOnceAfterRetryAfter(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            assertThat(sentThroughAnOutage(rig, 429)).containsExactly("one", "one", "two", "three");
        }
    }

    /** Takes Telegram down with {@code status}, lets the bot answer three messages; the texts of every attempt. */
    private static List<String> sentThroughAnOutage(TelegramRig rig, int status) {
        Instant down = rig.clock.instant();
        rig.telegram.failFor(VendorOutage.OUTAGE, status, rig.clock);
        accepted(rig.update(TelegramWebhooks.text(90000, CHAT, "three")));
        VendorOutage.ride(rig.clock, rig.parley, () -> rig.count("channel_outbound") == 3);

        assertThat(Duration.between(down, rig.clock.instant())).isGreaterThanOrEqualTo(VendorOutage.OUTAGE);
        assertThat(rig.telegram.texts()).containsExactly("one", "two", "three");
        assertThat(rig.stored("channel_error")).isEmpty();
        await().atMost(WAIT).until(rig.parley::drained);
        assertThat(rig.telegram.texts()).hasSize(3);
        return rig.calls(TelegramRig.TOKEN, "sendMessage").stream().map(m -> m.path("text").asText()).toList();
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
