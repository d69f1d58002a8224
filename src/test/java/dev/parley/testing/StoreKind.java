package dev.parley.testing;

import java.nio.file.Path;

/** The two databases every store-touching test runs on. */
public enum StoreKind {
    SQLITE, POSTGRESQL;

    /** A fresh, empty database of this kind; closing it removes it. */
    public TestDatabase create(Path tempDir) {
        return switch (this) {
            case SQLITE -> TestDatabase.sqlite(tempDir);
            case POSTGRESQL -> TestDatabase.postgres(tempDir);
        };
    }
}
