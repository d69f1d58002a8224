package dev.parley.store;

/** The database failed in a way the caller cannot recover from (unreachable, corrupt, migration failed). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
