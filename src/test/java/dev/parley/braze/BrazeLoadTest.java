package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backlog of updates queued while Braze is down, with a restart of Parley in between: Braze gets
 * every update exactly once, in requests of 50 objects or more on average and never more than 75
 * objects across attributes and events. The suite queues 2,000 updates from 100 conversations; the
 * benchmark in docs/BENCHMARKS.md runs 10,000 from 500 with a 30-second outage
 * ({@code -Dparley.braze-load.conversations=500 -Dparley.braze-load.outage-seconds=30}).
 */
class BrazeLoadTest {
    private static final int CONVERSATIONS = Integer.getInteger("parley.braze-load.conversations", 100);
    private static final int PER_CONVERSATION = 20;
    private static final int UPDATES = CONVERSATIONS * PER_CONVERSATION;
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("parley.braze-load.outage-seconds", 0));
    /** How long the backlog may take to reach Braze: a bound for a stuck sender, not a speed requirement. */
    private static final Duration DRAIN_BOUND = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBacklogQueuedDuringAnOutageAndARestartReachesBrazeOnceInFullBatches(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY); TestDatabase db = kind.create(temp)) {
            ParleyConfig config = ConfigLoader.parse(BrazeRig.environments(braze.url(), 75), "parley.yml",
                    Map.of("BRAZE_KEY", BrazeRig.KEY));
            braze.down();
            long downAt = System.nanoTime();
            long queueing;
            try (Parley first = Parley.start(db.settings(), config, Clock.systemUTC(), Ids.random())) {
                long started = System.nanoTime();
                queue(first);
                queueing = System.nanoTime() - started;
            }
            try (Parley second = Parley.start(db.settings(), config, Clock.systemUTC(), Ids.random())) {
                long pendingAfterRestart = second.database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM braze_objects").mapTo(Long.class).one());
                assertThat(pendingAfterRestart).as("updates pending across the restart").isPositive();
                await("the rest of the outage").atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Duration.ofNanos(System.nanoTime() - downAt).compareTo(OUTAGE) >= 0);
                braze.up();
                long upAt = System.nanoTime();
                await().atMost(DRAIN_BOUND).pollInterval(Duration.ofMillis(100))
                        .until(() -> objects(braze) >= UPDATES);
                Duration drain = Duration.ofNanos(System.nanoTime() - upAt);
                await("the sender has nothing left").atMost(DRAIN_BOUND).until(() -> second.database()
                        .read(h -> h.createQuery("""
                                SELECT (SELECT COUNT(*) FROM braze_objects)
                                     + (SELECT COUNT(*) FROM braze_requests WHERE status = 'open')
                                     + (SELECT COUNT(*) FROM outbox WHERE lane = 'braze')""").mapTo(Long.class).one()) == 0);

                List<BrazeStandIn.Taken> requests = braze.tracked();
                int[] seen = new int[UPDATES];
                for (BrazeStandIn.Taken request : requests) {
                    request.body().path("events").forEach(e -> seen[e.path("properties").path("n").asInt()]++);
                    request.body().path("attributes").forEach(a -> seen[a.path("n").asInt()]++);
                }
                double perRequest = (double) objects(braze) / requests.size();
                int largest = braze.trackSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
                System.out.printf("Braze writer load test (%s): %d updates from %d conversations, queued in %.1f s;"
                                + " Braze down %d s with one restart (%d pending after it); %d requests, %.1f objects"
                                + " per request, largest %d; drained %.1f s after Braze came back%n", kind, UPDATES, CONVERSATIONS,
                        queueing / 1e9, OUTAGE.toSeconds(), pendingAfterRestart, requests.size(), perRequest, largest,
                        drain.toMillis() / 1000.0);
                for (int n = 0; n < UPDATES; n++) {
                    assertThat(seen[n]).as("update %d reached Braze exactly once", n).isEqualTo(1);
                }
                assertThat(objects(braze)).isEqualTo(UPDATES);
                assertThat(braze.trackSizes()).as("no request Braze got was over its limit of 75 combined")
                        .allMatch(n -> n <= 75);
                assertThat(perRequest).isGreaterThanOrEqualTo(50.0);
            }
        }
    }

    /** Every conversation tracks its updates one transaction at a time, all conversations at once. */
    private static void queue(Parley parley) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CONVERSATIONS; c++) {
                int conversation = c;
                done.add(pool.submit(() -> {
                    for (int k = 0; k < PER_CONVERSATION; k++) {
                        int n = conversation * PER_CONVERSATION + k;
                        TrackOutcome outcome = parley.database().write(tx -> parley.braze().writer().track(tx,
                                Optional.of("conv_" + conversation), update(conversation, n)));
                        assertThat(outcome).isEqualTo(new TrackOutcome.Queued(1, List.of()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** Even numbers are custom events of the conversation's user, odd ones attributes of a user of their own. */
    private static BrazeUpdate update(int conversation, int n) {
        if (n % 2 == 0) {
            ObjectNode event = Json.object().put("external_id", "user-" + conversation).put("name", "step");
            event.putObject("properties").put("n", n);
            return BrazeUpdate.ofEvents(List.of(event));
        }
        List<JsonNode> attributes = List.of(Json.object().put("external_id", "user-" + n).put("n", n));
        return BrazeUpdate.ofAttributes(attributes);
    }

    private static int objects(BrazeStandIn braze) {
        return braze.tracked().stream().mapToInt(BrazeStandIn.Taken::objects).sum();
    }
}
