package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Braze feature on a real database of one kind with a running outbox, talking to a {@link BrazeStandIn}:
 * what features use ({@code writer().track} in their transaction) without the rest of Parley.
 */
record BrazeRig(TestDatabase testDb, Database db, Outbox outbox, BrazeModule braze, BrazeStandIn standIn,
        MutableClock clock) implements AutoCloseable {
    static final String KEY = "stand-in-k3y";

    static String environments(String url, int batchSize) {
        return environments(url, "batch_size: " + batchSize);
    }

    /** {@code brazeKeys} are more keys of the braze account, such as {@code batch_size: 50, max_attempts: 3}. */
    static String environments(String url, String brazeKeys) {
        return "environments:\n  sandbox: { braze: { url: \"" + url + "\", api_key_env: BRAZE_KEY, " + brazeKeys
                + " } }\n";
    }

    static BrazeRig start(StoreKind kind, Path temp, int batchSize, Duration requestTimeout) {
        return start(kind, temp, "batch_size: " + batchSize, requestTimeout);
    }

    static BrazeRig start(StoreKind kind, Path temp, String brazeKeys, Duration requestTimeout) {
        MutableClock clock = new MutableClock();
        BrazeStandIn standIn = BrazeStandIn.start(KEY, clock);
        TestDatabase testDb = kind.create(temp);
        Database db = Database.open(testDb.url());
        ParleyConfig config = ConfigLoader.parse(environments(standIn.url(), brazeKeys), "parley.yml",
                Map.of("BRAZE_KEY", KEY));
        Ids ids = Ids.random();
        Outbox outbox = new Outbox(db, clock, ids);
        LiveHub hub = new LiveHub();
        BrazeModule braze = new BrazeModule(new BrazeModule.Deps(db, clock, ids, outbox, new ConversationStore(hub),
                new ContactStore(), new TimelineStore(clock, ids, hub), config), requestTimeout);
        outbox.start(Duration.ofMillis(50));
        return new BrazeRig(testDb, db, outbox, braze, standIn, clock);
    }

    static BrazeRig start(StoreKind kind, Path temp) {
        return start(kind, temp, 75, Duration.ofSeconds(5));
    }

    TrackOutcome track(String conversationId, String updateJson) {
        return db.write(tx -> braze.writer().track(tx, Optional.of(conversationId),
                BrazeUpdate.fromJson(Json.parseStored(updateJson))));
    }

    TrackOutcome track(String conversationId, BrazeUpdate update) {
        return db.write(tx -> braze.writer().track(tx, Optional.of(conversationId), update));
    }

    /** Status of every recorded request, oldest first. */
    List<String> requestStatuses() {
        return db.read(h -> h.createQuery("SELECT status FROM braze_requests ORDER BY created_at, id")
                .mapTo(String.class).list());
    }

    /**
     * The end-of-work signal: nothing pending, no request open and no run of the sender queued, so
     * nothing more is sent until something new is tracked.
     */
    boolean idle() {
        return pendingObjects() == 0 && db.read(h -> h.createQuery(
                "SELECT COUNT(*) FROM braze_requests WHERE status = 'open'").mapTo(Long.class).one()) == 0
                && outbox.depth() == 0;
    }

    /** When the open request is to be tried next, if one is open and was tried. */
    Optional<Instant> nextAttempt() {
        return db.read(h -> h.createQuery("""
                SELECT next_attempt_at FROM braze_requests WHERE status = 'open' AND attempts > 0""")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    long pendingObjects() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM braze_objects").mapTo(Long.class).one());
    }

    static JsonNode json(String text) {
        return Json.parseStored(text);
    }

    @Override
    public void close() {
        outbox.close();
        db.close();
        testDb.close();
        standIn.close();
    }
}
