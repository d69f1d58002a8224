package dev.parley.testing;

import dev.parley.app.ServerSettings;
import dev.parley.store.Database;
import dev.parley.store.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fresh database for one test: a SQLite file in a temporary folder, or a new database on the
 * PostgreSQL server at 127.0.0.1:5432 (dropped on close). PostgreSQL must be there: the test fails,
 * it is never skipped ({@code ./parley test} starts the server when it is installed but stopped).
 * A new PostgreSQL database is a copy of one migrated once per test run, so the migrations are
 * applied once and every start only finds them current.
 */
public final class TestDatabase implements AutoCloseable {
    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String PG_USER = "postgres";

    private final StoreKind kind;
    private final Path dataDir;
    private final Optional<String> pgName;

    private TestDatabase(StoreKind kind, Path dataDir, Optional<String> pgName) {
        this.kind = kind;
        this.dataDir = dataDir;
        this.pgName = pgName;
    }

    static TestDatabase sqlite(Path tempDir) {
        return new TestDatabase(StoreKind.SQLITE, tempDir.resolve("data-" + UUID.randomUUID()), Optional.empty());
    }

    static TestDatabase postgres(Path tempDir) {
        return postgres(tempDir, " TEMPLATE " + MigratedTemplate.NAME);
    }

    /** A PostgreSQL database without any table, for tests of the migrations themselves. */
    static TestDatabase emptyPostgres(Path tempDir) {
        return postgres(tempDir, "");
    }

    private static TestDatabase postgres(Path tempDir, String template) {
        String name = uniqueName("parley_t_");
        admin("CREATE DATABASE " + name + template, "ALTER DATABASE " + name + " SET synchronous_commit = off");
        return new TestDatabase(StoreKind.POSTGRESQL, tempDir.resolve("data-" + name), Optional.of(name));
    }

    private static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String url(String name) {
        return "postgresql://" + PG_USER + "@127.0.0.1:5432/" + name;
    }

    /** The database every PostgreSQL test database is copied from: migrated when first needed, dropped at exit. */
    private static final class MigratedTemplate {
        static final String NAME = uniqueName("parley_tpl_");

        static {
            admin("CREATE DATABASE " + NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + NAME
                    + " WITH (FORCE)")));
            Database.open(DatabaseUrl.postgres(url(NAME))).close();
        }
    }

    public StoreKind kind() {
        return kind;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The value of {@code PARLEY_DATABASE_URL} for this database; empty for SQLite. */
    public Optional<String> databaseUrl() {
        return pgName.map(TestDatabase::url);
    }

    public DatabaseUrl url() {
        return pgName.map(n -> DatabaseUrl.postgres(databaseUrl().orElseThrow()))
                .orElseGet(() -> DatabaseUrl.sqlite(dataDir.resolve("parley.db")));
    }

    /** Settings for a server on a random port using this database, polling the outbox quickly. */
    public ServerSettings settings() {
        return new ServerSettings("127.0.0.1", 0, dataDir, databaseUrl(), Duration.ofMillis(50));
    }

    /** Drops the PostgreSQL database in the background ({@link Drops}); the test goes on at once. */
    @Override
    public void close() {
        pgName.ifPresent(Drops::drop);
    }

    /**
     * Dropping a database makes PostgreSQL 15 write a checkpoint and wait for it (a second or more on a
     * busy machine), so the drops of this JVM run one at a time on a thread of their own, and the JVM
     * waits for the last of them before it exits.
     */
    private static final class Drops {
        private static final ExecutorService DROPPER = start();

        static void drop(String name) {
            DROPPER.execute(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }

        private static ExecutorService start() {
            ExecutorService dropper = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                    .name("test-database-drops").factory());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dropper.shutdown();
                try {
                    dropper.awaitTermination(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return dropper;
        }
    }

    private static void admin(String... statements) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test and failed: "
                    + e.getMessage(), e);
        }
    }
}
