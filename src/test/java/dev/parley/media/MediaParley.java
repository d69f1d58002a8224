package dev.parley.media;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.store.Ids;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A real Parley on loopback with the given media settings, on a fresh database of the given kind. */
final class MediaParley implements AutoCloseable {
    private final TestDatabase database;
    private final Parley parley;

    private MediaParley(TestDatabase database, Parley parley) {
        this.database = database;
        this.parley = parley;
    }

    static MediaParley start(StoreKind kind, Path temp, String yaml, Map<String, String> env, MediaSettings media) {
        TestDatabase db = kind.create(temp);
        try {
            return new MediaParley(db, Parley.start(db.settings().withMedia(media),
                    ConfigLoader.parse(yaml, "parley.yml", env), Clock.systemUTC(), Ids.random()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Every test server runs on 127.0.0.1, so fetching from there must be allowed. */
    static MediaSettings loopbackAllowed(long maxBytes) {
        return new MediaSettings(maxBytes, true, java.util.Set.of());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + parley.port();
    }

    Parley parley() {
        return parley;
    }

    Path dataDir() {
        return database.dataDir();
    }

    /** Parley's URL of a stored file, as the timeline names it, reached on this server. */
    String local(String mediaUrl) {
        return baseUrl() + mediaUrl.substring(mediaUrl.indexOf("/media/"));
    }

    @Override
    public void close() {
        parley.close();
        database.close();
    }
}
