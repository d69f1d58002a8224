package dev.parley.app;

import dev.parley.store.DatabaseUrl;

/** Chooses the database: PostgreSQL when a URL is set, else SQLite in the data folder. */
final class Databases {
    private Databases() {}

    static DatabaseUrl url(ServerSettings settings) {
        if (settings.databaseUrl().isPresent()) {
            return DatabaseUrl.postgres(settings.databaseUrl().get());
        }
        return DatabaseUrl.sqlite(settings.dataDir().resolve("parley.db"));
    }
}
