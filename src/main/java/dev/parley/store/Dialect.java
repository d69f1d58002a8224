package dev.parley.store;

/** The databases Parley runs on. */
public enum Dialect {
    SQLITE("db/sqlite"),
    POSTGRESQL("db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    String migrationLocation() {
        return "classpath:" + migrations;
    }
}
