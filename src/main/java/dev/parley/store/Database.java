package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one store API: a pool, migrations, and transactions. On SQLite, write transactions go through
 * one writer thread that commits waiting writes together ({@link SqliteWriter}); readers run
 * concurrently thanks to WAL.
 */
public final class Database implements AutoCloseable {
    /** How long an SQLite connection waits for a lock before it fails. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    /** Pages each SQLite connection keeps in memory, in KiB (negative: SQLite's unit for KiB). */
    private static final int SQLITE_CACHE_KIB = -32 * 1024;
    /** The size an SQLite write-ahead log is cut back to when it is rewound after a burst. */
    private static final long SQLITE_LOG_SIZE_LIMIT = 64L * 1024 * 1024;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final java.util.Optional<SqliteWriter> sqliteWriter;
    private final java.util.Optional<java.util.concurrent.ScheduledExecutorService> checkpoints;
    private final StoreCounters counters = new StoreCounters();

    private Database(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        jdbi.setSqlLogger(counters);
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(new SqliteStatementCache());
        }
        this.sqliteWriter = dialect == Dialect.SQLITE ? java.util.Optional.of(new SqliteWriter(jdbi, counters))
                : java.util.Optional.empty();
        this.checkpoints = dialect == Dialect.SQLITE ? java.util.Optional.of(startCheckpoints())
                : java.util.Optional.empty();
    }

    /** Opens the pool and runs pending migrations. */
    public static Database open(DatabaseUrl url) {
        Database db = connect(url);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Opens the pool without migrating. */
    public static Database connect(DatabaseUrl url) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url.jdbcUrl());
        if (!url.user().isEmpty()) {
            cfg.setUsername(url.user());
            cfg.setPassword(url.password());
        }
        cfg.setPoolName("parley-db");
        cfg.setConnectionTimeout(5000);
        if (url.dialect() == Dialect.SQLITE) {
            createParentFolder(url);
            cfg.setMaximumPoolSize(8);
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "NORMAL");
            cfg.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            cfg.addDataSourceProperty("journal_size_limit", Long.toString(SQLITE_LOG_SIZE_LIMIT));
            cfg.addDataSourceProperty("cache_size", Integer.toString(SQLITE_CACHE_KIB));
            // the writer's savepoint per caller keeps the pages it changes in a sub-journal: in memory
            cfg.addDataSourceProperty("temp_store", "MEMORY");
            cfg.addDataSourceProperty("foreign_keys", "true");
            cfg.setConnectionInitSql("PRAGMA journal_mode=WAL");
        } else {
            cfg.setMaximumPoolSize(16);
            // PostgreSQL's default; set once per connection so no transaction needs to ask or set it
            cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        try {
            return new Database(url.dialect(), new HikariDataSource(cfg));
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + url + ": " + rootMessage(e), e);
        }
    }

    /** Applies the migrations of this dialect; idempotent. */
    public void migrate() {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(dialect.migrationLocations())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + rootMessage(e), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Publishes the connection pool's metrics ({@code hikaricp_*}) to {@code registry}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
    }

    /** Work done inside one write transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx);
    }

    /**
     * Runs {@code work} in one write transaction and returns its result; effects registered with
     * {@link Tx#afterCommit} run after the commit, in order.
     */
    public <T> T write(TxWork<T> work) {
        if (sqliteWriter.isPresent()) {
            return sqliteWriter.get().write(work);
        }
        Tx[] tx = new Tx[1];
        // READ COMMITTED is PostgreSQL's default: naming it would cost about five round trips per
        // transaction (the driver asks the server for the level before and after setting it)
        T result = jdbi.inTransaction(h -> {
            T done = work.run(tx[0] = new Tx(h, dialect));
            tx[0].sendHeldWithCommit();
            return done;
        });
        counters.committed();
        tx[0].committedEffects().forEach(Runnable::run);
        return result;
    }

    /** Runs {@code work} in one write transaction. */
    public void useWrite(java.util.function.Consumer<Tx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs a read; no transaction, sees committed data. */
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        checkpoints.ifPresent(java.util.concurrent.ScheduledExecutorService::shutdownNow);
        sqliteWriter.ifPresent(SqliteWriter::close);
        pool.close();
    }

    /**
     * Copies the SQLite write-ahead log into the database file every 200 ms from a reader connection,
     * so a large checkpoint never stalls the writer's commit (the source of tail latency otherwise).
     */
    private java.util.concurrent.ScheduledExecutorService startCheckpoints() {
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sqlite-checkpoint").daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(PASSIVE)"));
            } catch (RuntimeException e) {
                // the next round tries again; a closed pool ends with the timer
            }
        }, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        return timer;
    }

    private static void createParentFolder(DatabaseUrl url) {
        java.nio.file.Path file = java.nio.file.Path.of(url.jdbcUrl().substring("jdbc:sqlite:".length()));
        try {
            OwnerOnly.directories(file.toAbsolutePath().getParent());
            // SQLite gives its -wal and -shm files the database file's permissions
            OwnerOnly.file(file);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for the SQLite database " + file, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
