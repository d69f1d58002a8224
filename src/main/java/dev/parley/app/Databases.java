package dev.parley.app;

import dev.parley.store.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Chooses the database: PostgreSQL when a URL is set, else SQLite in the data folder. */
final class Databases {
    private Databases() {}

    static DatabaseUrl url(ServerSettings settings) {
        if (settings.databaseUrl().isPresent()) {
            return DatabaseUrl.postgres(settings.databaseUrl().get());
        }
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
        }
        return DatabaseUrl.sqlite(settings.dataDir().resolve("parley.db"));
    }
}
