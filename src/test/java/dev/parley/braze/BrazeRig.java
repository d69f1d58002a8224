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
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Braze feature on a real database of one kind with a running outbox, talking to a {@link BrazeStandIn}:
 * what features use ({@code writer().track} in their transaction) without the rest of Parley.
 */
record BrazeRig(TestDatabase testDb, Database db, Outbox outbox, BrazeModule braze, BrazeStandIn standIn)
        implements AutoCloseable {
    static final String KEY = "stand-in-k3y";

    static String environments(String url, int batchSize) {
        return "environments:\n  sandbox: { braze: { url: \"" + url + "\", api_key_env: BRAZE_KEY, batch_size: "
                + batchSize + " } }\n";
    }

    static BrazeRig start(StoreKind kind, Path temp, int batchSize, Duration requestTimeout) {
        BrazeStandIn standIn = BrazeStandIn.start(KEY);
        TestDatabase testDb = kind.create(temp);
        Database db = Database.open(testDb.url());
        ParleyConfig config = ConfigLoader.parse(environments(standIn.url(), batchSize), "parley.yml",
                Map.of("BRAZE_KEY", KEY));
        Clock clock = Clock.systemUTC();
        Ids ids = Ids.random();
        Outbox outbox = new Outbox(db, clock, ids);
        LiveHub hub = new LiveHub();
        BrazeModule braze = new BrazeModule(new BrazeModule.Deps(db, clock, ids, outbox, new ConversationStore(hub),
                new ContactStore(), new TimelineStore(clock, ids, hub), config), requestTimeout);
        outbox.start(Duration.ofMillis(50));
        return new BrazeRig(testDb, db, outbox, braze, standIn);
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
