package dev.parley.store;

/** The databases Parley runs on. */
public enum Dialect {
    SQLITE("db/sqlite"),
    POSTGRESQL("db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Migrations written once for both databases, and those that differ per database (table identities). */
    String[] migrationLocations() {
        return new String[] {"classpath:db/common", "classpath:" + migrations};
    }
}
