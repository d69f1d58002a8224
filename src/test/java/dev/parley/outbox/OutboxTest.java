package dev.parley.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutboxTest {
    @TempDir
    Path temp;

    /** A handler that records deliveries and fails the first {@code failures} attempts of each entry. */
    static final class Recording implements OutboxHandler {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<String> exhausted = new CopyOnWriteArrayList<>();
        final int failures;
        final RetryPolicy policy;

        Recording(int failures, RetryPolicy policy) {
            this.failures = failures;
            this.policy = policy;
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public Result deliver(OutboxEntry entry) {
            int n = attempts.computeIfAbsent(entry.eventId(), k -> new AtomicInteger()).incrementAndGet();
            assertThat(entry.attempt()).isEqualTo(n);
            if (n <= failures) {
                return new Result.Retry("not yet", tx -> {}, Optional.empty());
            }
            return new Result.Done(tx -> delivered.add(entry.lane() + ":" + entry.payload().get("n").asInt()));
        }

        @Override
        public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
            exhausted.add(entry.eventId() + ":" + lastError);
        }

        @Override
        public RetryPolicy retryPolicy(OutboxEntry entry) {
            return policy;
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void entriesOfALaneArriveInOrderAcrossLanesConcurrently(StoreKind kind) {
        try (TestDatabase tdb = kind.create(temp); Database db = Database.open(tdb.url())) {
            Recording handler = new Recording(0, RetryPolicy.DEFAULT);
            try (Outbox outbox = outbox(db, handler)) {
                for (int i = 0; i < 30; i++) {
                    int n = i;
                    db.useWrite(tx -> {
                        outbox.enqueue(tx, "a", "test", Json.object().put("n", n));
                        outbox.enqueue(tx, "b", "test", Json.object().put("n", n));
                    });
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> handler.delivered.size() == 60);
                assertThat(handler.delivered.stream().filter(s -> s.startsWith("a:")).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "a:" + i).toList());
                assertThat(handler.delivered.stream().filter(s -> s.startsWith("b:")).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "b:" + i).toList());
                assertThat(outbox.depth()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingEntryIsRetriedWithTheSameEventIdAndHoldsBackItsLane(StoreKind kind) {
        try (TestDatabase tdb = kind.create(temp); Database db = Database.open(tdb.url())) {
            Recording handler = new Recording(2, new RetryPolicy(5, Duration.ofMillis(20)));
            try (Outbox outbox = outbox(db, handler)) {
                db.useWrite(tx -> {
                    outbox.enqueue(tx, "a", "test", Json.object().put("n", 1));
                    outbox.enqueue(tx, "a", "test", Json.object().put("n", 2));
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> handler.delivered.size() == 2);
                assertThat(handler.delivered).containsExactly("a:1", "a:2");
                assertThat(handler.attempts.values()).allMatch(a -> a.get() == 3);
                assertThat(handler.exhausted).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void exhaustedEntriesMoveToTheDeadLetterTableAndTheLaneGoesOn(StoreKind kind) {
        try (TestDatabase tdb = kind.create(temp); Database db = Database.open(tdb.url())) {
            Recording handler = new Recording(100, new RetryPolicy(3, Duration.ofMillis(10)));
            try (Outbox outbox = outbox(db, handler)) {
                db.useWrite(tx -> outbox.enqueue(tx, "a", "test", Json.object().put("n", 1)));
                await().atMost(Duration.ofSeconds(10)).until(() -> handler.exhausted.size() == 1);
                assertThat(handler.exhausted.getFirst()).endsWith(":not yet");
                await().atMost(Duration.ofSeconds(5)).until(() -> outbox.depth() == 0);
                int dead = db.read(h -> h.createQuery("SELECT attempts FROM outbox_dead").mapTo(Integer.class).one());
                assertThat(dead).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void entriesLeftByAStoppedProcessAreDeliveredAfterRestart(StoreKind kind) {
        try (TestDatabase tdb = kind.create(temp)) {
            try (Database db = Database.open(tdb.url())) {
                Outbox stopped = new Outbox(db, Clock.systemUTC(), Ids.random());
                stopped.register(new Recording(0, RetryPolicy.DEFAULT));
                stopped.close();
                db.useWrite(tx -> stopped.enqueue(tx, "a", "test", Json.object().put("n", 7)));
            }
            try (Database db = Database.open(tdb.url())) {
                Recording handler = new Recording(0, RetryPolicy.DEFAULT);
                try (Outbox outbox = outbox(db, handler)) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> handler.delivered.equals(List.of("a:7")));
                }
            }
        }
    }

    private static Outbox outbox(Database db, OutboxHandler handler) {
        Outbox outbox = new Outbox(db, Clock.systemUTC(), Ids.random());
        outbox.register(handler);
        outbox.start(Duration.ofMillis(20));
        return outbox;
    }
}
