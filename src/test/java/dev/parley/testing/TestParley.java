package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A real Parley server on a random loopback port, on a fresh database of the given kind. */
public final class TestParley implements AutoCloseable {
    private final TestDatabase database;
    private final Parley parley;

    private TestParley(TestDatabase database, Parley parley) {
        this.database = database;
        this.parley = parley;
    }

    /** Starts Parley with the workspace in {@code yaml} ({@code ${VAR}} resolved from {@code env}). */
    public static TestParley start(StoreKind kind, Path tempDir, String yaml, Map<String, String> env) {
        return start(kind, tempDir, yaml, env, Clock.systemUTC());
    }

    /** As {@link #start(StoreKind, Path, String, Map)}, with the clock Parley reads time from. */
    public static TestParley start(StoreKind kind, Path tempDir, String yaml, Map<String, String> env, Clock clock) {
        return start(kind, tempDir, yaml, env, clock, settings -> settings);
    }

    /** As {@link #start(StoreKind, Path, String, Map, Clock)}, with the server settings changed by {@code tune}. */
    public static TestParley start(StoreKind kind, Path tempDir, String yaml, Map<String, String> env, Clock clock,
            UnaryOperator<ServerSettings> tune) {
        TestDatabase db = kind.create(tempDir);
        try {
            ParleyConfig config = ConfigLoader.parse(yaml, "parley.yml", env);
            return new TestParley(db, Parley.start(tune.apply(db.settings()), config, clock, Ids.random()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + parley.port();
    }

    public int port() {
        return parley.port();
    }

    public Parley parley() {
        return parley;
    }

    /** True when the outbox has nothing queued and nothing in delivery: whatever was started is done. */
    /** The timeline items named {@code packetName} of every conversation, as stored, by conversation and seq. */
    public List<JsonNode> stored(String packetName) {
        return parley.database().read(h -> h.createQuery(
                        "SELECT payload FROM timeline WHERE packet_name = :n ORDER BY conversation_id, seq")
                .bind("n", packetName).mapTo(String.class).list()).stream().map(Json::parseStoredObject)
                .map(JsonNode.class::cast).toList();
    }

    /** How many rows {@code table} holds. */
    public int count(String table) {
        return parley.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    public boolean drained() {
        return parley.outbox().drained();
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        parley.close();
        database.close();
    }
}
