package dev.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the local PostgreSQL server (127.0.0.1:5432, user postgres), dropped on close, or when the
 * benchmark is stopped before that.
 */
final class PostgresScratch implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String USER = "postgres";
    /** How every benchmark database is named: the CPU meter counts the server processes serving them. */
    static final String PREFIX = "parley_bench_";

    private final String name;
    private final UndoneOnExit drop;

    private PostgresScratch(String name) {
        this.name = name;
        this.drop = new UndoneOnExit("the database " + name, () -> admin("DROP DATABASE IF EXISTS " + name
                + " WITH (FORCE)"));
    }

    static PostgresScratch create() {
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new PostgresScratch(name);
    }

    /** The value Parley takes as {@code PARLEY_DATABASE_URL}. */
    String databaseUrl() {
        return "postgresql://" + USER + "@127.0.0.1:5432/" + name;
    }

    @Override
    public void close() {
        drop.now();
    }

    /** Runs {@code sql} on the server's {@code postgres} database (creating and dropping databases). */
    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new BenchException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for --store postgresql"
                    + " and failed: " + e.getMessage(), e);
        }
    }
}
