package dev.parley.testing;

import java.nio.file.Path;

/** The two databases every store-touching test runs on. */
public enum StoreKind {
    SQLITE, POSTGRESQL;

    /** A fresh database of this kind with the current schema and no data; closing it removes it. */
    public TestDatabase create(Path tempDir) {
        return switch (this) {
            case SQLITE -> TestDatabase.sqlite(tempDir);
            case POSTGRESQL -> TestDatabase.postgres(tempDir);
        };
    }

    /** A fresh database of this kind without any table, for tests of the migrations themselves. */
    public TestDatabase createEmpty(Path tempDir) {
        return switch (this) {
            case SQLITE -> TestDatabase.sqlite(tempDir);
            case POSTGRESQL -> TestDatabase.emptyPostgres(tempDir);
        };
    }
}
