package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testing.MutableClock;
import dev.parley.testing.TestParley;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A vendor outage told by Parley's injected clock instead of waited out. The stand-in is down until that clock
 * passes the outage's end ({@code failFor(outage, clock)}); {@link #ride} moves the clock, each time the attempt
 * before was made and rescheduled, to the moment the outbox's next channel send is due. The backoff's whole
 * course (about 1, 3, 9 and 27 s, {@code ChannelSender.POLICY}, or a vendor's {@code Retry-After}) runs in a second
 * or two of wall time, and every attempt still happens at the time Parley gave it.
 */
final class VendorOutage {
    static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Further ahead than any retry of a channel send is scheduled: a sign that something else is queued. */
    private static final Duration FURTHEST = Duration.ofMinutes(5);

    private VendorOutage() {
    }

    /**
     * Moves {@code clock} from one due channel send of {@code parley}'s outbox to the next until {@code over}
     * holds (for instance: the stand-in took every message).
     */
    static void ride(MutableClock clock, TestParley parley, BooleanSupplier over) {
        while (true) {
            await().atMost(WAIT).until(() -> over.getAsBoolean()
                    || nextSend(parley).filter(next -> next.isAfter(clock.instant())).isPresent());
            if (over.getAsBoolean()) {
                return;
            }
            Duration ahead = Duration.between(clock.instant(), nextSend(parley).orElseThrow());
            assertThat(ahead).as("the next channel send is a retry, due within minutes").isLessThan(FURTHEST);
            if (!ahead.isNegative()) {
                clock.advance(ahead.plusMillis(1));
            }
        }
    }

    /**
     * When the earliest channel send at the head of its lane is due, if one is queued: the entries behind a head
     * wait for it whatever their own time says.
     */
    private static Optional<Instant> nextSend(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                        """
                        SELECT next_attempt_at FROM outbox o WHERE kind = :kind
                        AND id = (SELECT MIN(id) FROM outbox head WHERE head.lane = o.lane)
                        ORDER BY next_attempt_at LIMIT 1""")
                .bind("kind", OutboundQueue.KIND).mapTo(Long.class).findFirst()).map(Instant::ofEpochMilli);
    }
}
