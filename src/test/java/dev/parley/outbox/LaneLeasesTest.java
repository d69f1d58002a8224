package dev.parley.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two outbox workers on one PostgreSQL database, as two nodes would run them. */
class LaneLeasesTest {
    @TempDir
    Path temp;

    /** Records deliveries and every time two deliveries of one lane overlapped. */
    static final class Watching implements OutboxHandler {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> eventIds = new CopyOnWriteArrayList<>();
        final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        final List<String> overlaps = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public Result deliver(OutboxEntry entry) {
            if (!inFlight.add(entry.lane())) {
                overlaps.add(entry.lane() + ":" + entry.payload().get("n").asInt());
            }
            try {
                return new Result.Done(tx -> {
                    delivered.add(entry.lane() + ":" + entry.payload().get("n").asInt());
                    eventIds.add(entry.eventId());
                });
            } finally {
                inFlight.remove(entry.lane());
            }
        }

        @Override
        public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        }

        @Override
        public RetryPolicy retryPolicy(OutboxEntry entry) {
            return RetryPolicy.DEFAULT;
        }
    }

    @Test
    void twoNodesDeliverEachEntryOnceInLaneOrderWithOnlyTheHeadInFlight() {
        try (TestDatabase tdb = StoreKind.POSTGRESQL.create(temp); Database a = Database.open(tdb.url());
                Database b = Database.open(tdb.url())) {
            Watching handler = new Watching();
            try (Outbox nodeA = outbox(a, handler, Duration.ofSeconds(5));
                    Outbox nodeB = outbox(b, handler, Duration.ofSeconds(5))) {
                List<String> lanes = List.of("l1", "l2", "l3", "l4");
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    Outbox via = i % 2 == 0 ? nodeA : nodeB;
                    (i % 2 == 0 ? a : b).useWrite(tx -> lanes.forEach(
                            lane -> via.enqueue(tx, lane, "test", Json.object().put("n", n))));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> handler.delivered.size() >= 100
                        && nodeA.drained() && nodeB.drained());
                for (String lane : lanes) {
                    assertThat(handler.delivered.stream().filter(s -> s.startsWith(lane + ":")).toList())
                            .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> lane + ":" + i).toList());
                }
                assertThat(handler.delivered).hasSize(100);
                assertThat(handler.overlaps).isEmpty();
                int leases = a.read(h -> h.createQuery("SELECT COUNT(*) FROM outbox_leases").mapTo(Integer.class).one());
                assertThat(leases).isZero();
            }
        }
    }

    @Test
    void aDeadNodesLaneWaitsForItsLeaseToRunOutThenGoesOnInOrderWithTheSameEventIds() {
        try (TestDatabase tdb = StoreKind.POSTGRESQL.create(temp); Database db = Database.open(tdb.url())) {
            Watching handler = new Watching();
            List<String> queued = new ArrayList<>();
            Outbox writer = new Outbox(db, Clock.systemUTC(), Ids.random());
            writer.register(handler);
            writer.close();
            db.useWrite(tx -> {
                tx.handle().execute("""
                        INSERT INTO outbox_leases (lane, node, expires_at)
                        VALUES ('a', 'node_dead', (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT + 3000)""");
                for (int n = 0; n < 3; n++) {
                    queued.add(writer.enqueue(tx, "a", "test", Json.object().put("n", n)));
                }
            });
            try (Outbox survivor = outbox(db, handler, Duration.ofSeconds(1))) {
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                        .until(handler.delivered::isEmpty);
                await().atMost(Duration.ofSeconds(15)).until(() -> handler.delivered.size() == 3);
                assertThat(handler.delivered).containsExactly("a:0", "a:1", "a:2");
                assertThat(handler.eventIds).containsExactlyElementsOf(queued);
            }
        }
    }

    @Test
    void aNodeAloneOnPostgresqlDrainsWithoutLeaseStatementsAndOnlyWhileItHoldsTheDatabase() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (TestDatabase tdb = StoreKind.POSTGRESQL.create(temp); Database db = Database.open(tdb.url())) {
            // the entry's insert, the lane's head read and the entry's removal; shared, a claim and a release more
            assertThat(statementsForOneEntry(db, new Drainers.Shared(() -> true))).isEqualTo(5);
            assertThat(statementsForOneEntry(db, new Drainers.Alone(() -> true))).isEqualTo(3);

            AtomicBoolean alone = new AtomicBoolean(false);
            Watching handler = new Watching();
            try (Outbox outbox = new Outbox(db, Clock.systemUTC(), Ids.random(), new Drainers.Alone(alone::get))) {
                outbox.register(handler);
                outbox.start(Duration.ofMillis(50));
                db.useWrite(tx -> outbox.enqueue(tx, "held", "test", Json.object().put("n", 0)));
                await("nothing delivered while another node holds the database").during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(2)).until(handler.delivered::isEmpty);
                alone.set(true);
                await("delivered once it holds the database again").atMost(Duration.ofSeconds(10))
                        .until(() -> handler.delivered.equals(List.of("held:0")));
            }
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    /** Statements from queuing one entry until its lane was drained; no poller runs, the enqueue wakes the lane. */
    private static long statementsForOneEntry(Database db, Drainers drainers) {
        Watching handler = new Watching();
        try (Outbox outbox = new Outbox(db, Clock.systemUTC(), Ids.random(), drainers, Duration.ofMinutes(1))) {
            outbox.register(handler);
            double before = statements();
            db.useWrite(tx -> outbox.enqueue(tx, "counted", "test", Json.object().put("n", 0)));
            await().atMost(Duration.ofSeconds(10)).until(() -> handler.delivered.size() == 1 && !outbox.delivering());
            return Math.round(statements() - before);
        }
    }

    @Test
    void aClaimAndAReleaseAreOneStatementEachAndDoNotWaitForTheLogToReachDisk() {
        Drainers.Shared shared = new Drainers.Shared(() -> true);
        try (TestDatabase tdb = StoreKind.POSTGRESQL.create(temp); Database db = Database.open(tdb.url());
                SharedLeases a = SharedLeases.start(db, "node_a", Duration.ofMinutes(1), shared);
                SharedLeases b = SharedLeases.start(db, "node_b", Duration.ofMinutes(1), shared)) {
            // the global registry only counts while a registry is added to it (as Parley's metrics do)
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Metrics.addRegistry(registry);
            try {
                double before = statements();
                assertThat(a.claim("lane")).isTrue();
                assertThat(statements() - before).isEqualTo(1);
                assertThat(b.claim("lane")).as("held by node_a").isFalse();
                before = statements();
                assertThat(a.release("lane")).as("node_b was turned away meanwhile").isTrue();
                assertThat(statements() - before).isEqualTo(1);
                assertThat(b.claim("lane")).isTrue();
                assertThat(b.release("lane")).as("nobody was turned away").isFalse();
            } finally {
                Metrics.removeRegistry(registry);
            }
            // test databases turn synchronous_commit off; on this connection it is on, as in production
            List<String> settings = db.read(h -> {
                h.execute("SET synchronous_commit = on");
                try {
                    return List.of(h.createQuery("SELECT current_setting('synchronous_commit') FROM "
                            + SharedLeases.NO_FLUSH).mapTo(String.class).one(),
                            h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
                } finally {
                    h.execute("RESET synchronous_commit");
                }
            });
            assertThat(settings).as("in a lease statement, then in the next one").containsExactly("off", "on");
        }
    }

    private static double statements() {
        return Metrics.globalRegistry.find("parley.db.statements").counter().count();
    }

    private static Outbox outbox(Database db, OutboxHandler handler, Duration leaseTtl) {
        Outbox outbox = new Outbox(db, Clock.systemUTC(), Ids.random(), Drainers.of(db.dialect()), leaseTtl);
        outbox.register(handler);
        outbox.start(Duration.ofMillis(50));
        return outbox;
    }
}
