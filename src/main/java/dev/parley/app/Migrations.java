package dev.parley.app;

import dev.parley.store.Database;
import dev.parley.store.DatabaseUrl;

/** Runs the schema migrations without starting the server. */
public final class Migrations {
    private Migrations() {}

    /** Migrates and returns a line saying which database is now current. */
    public static String run(ServerSettings settings) {
        DatabaseUrl url = Databases.url(settings);
        try (Database db = Database.open(url)) {
            return "database is up to date (" + db.dialect().name().toLowerCase() + ")";
        }
    }
}
