package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.Items;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bot slower than its request timeout (1 s here; it answers after 2.5 s): the retry carries the same
 * event id and the next attempt number, and the late answer is applied once — never lost, never twice.
 * A bot that asks for time with 429 and {@code Retry-After} gets it.
 */
class SlowBotTest extends SuiteBotTest {
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLateAnswerIsAppliedWhileItsEventIsStillTheSessionsCurrentOne(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("slow");
            w.contact().awaitBotMessage("Sorry for the wait.");

            List<Map<String, Object>> slow = w.awaitDelivery("message", "delivered").stream()
                    .filter(row -> "message".equals(row.get("event_name"))).toList();
            assertThat(slow).extracting(row -> ((Number) row.get("attempt")).intValue(), row -> row.get("outcome"))
                    .contains(org.assertj.core.groups.Tuple.tuple(1, "retrying"),
                            org.assertj.core.groups.Tuple.tuple(2, "delivered"),
                            org.assertj.core.groups.Tuple.tuple(1, "delivered"));
            assertThat(slow).extracting(row -> row.get("event_id")).containsOnly(slow.getFirst().get("event_id"));
            assertThat(w.webhook().calls()).filteredOn(c -> c.packetName().equals("message"))
                    .extracting(c -> c.attempt()).containsExactlyInAnyOrder(1, 2);
            assertThat(w.contact().transcript()).filteredOn(Items.body("Sorry for the wait.")).hasSize(1);

            w.contact().say("markdown");
            w.contact().awaitBotMessage("**Bold** news");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTheRetryAndTheLateCallBothAnswerTheContactHearsItOnce(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("slow twice");
            w.contact().awaitBotMessage("Said only once.");
            List<Map<String, Object>> log = w.awaitDelivery("message", "delivered");
            org.awaitility.Awaitility.await("the late answer is recorded").atMost(Duration.ofSeconds(10))
                    .until(() -> w.stored().deliveriesOf(w.cid()).stream().anyMatch(SlowBotTest::lateMessageRow));
            assertThat(w.stored().deliveriesOf(w.cid())).filteredOn(SlowBotTest::lateMessageRow).singleElement()
                    .satisfies(row ->
                    assertThat((String) row.get("error")).startsWith("not applied: another answer to this event"));
            assertThat(log).isNotEmpty();
            assertThat(w.contact().transcript()).filteredOn(Items.body("Said only once.")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBotAnswering429IsAskedAgainAfterItsRetryAfter(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("busy");
            w.contact().awaitBotMessage("Thanks for waiting.");
            List<Map<String, Object>> busy = w.stored().deliveriesOf(w.cid()).stream()
                    .filter(row -> "message".equals(row.get("event_name"))).toList();
            assertThat(busy).extracting(row -> row.get("outcome")).containsExactly("retrying", "delivered");
            assertThat(((Number) busy.getFirst().get("status_code")).intValue()).isEqualTo(429);
            Instant first = Instant.ofEpochMilli(((Number) busy.get(0).get("at")).longValue());
            Instant second = Instant.ofEpochMilli(((Number) busy.get(1).get("at")).longValue());
            assertThat(Duration.between(first, second)).as("Retry-After: 2 rather than the 200 ms backoff")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    private static boolean lateMessageRow(Map<String, Object> row) {
        return "message".equals(row.get("event_name")) && ((Number) row.get("attempt")).intValue() == 1
                && "delivered".equals(row.get("outcome"));
    }
}
