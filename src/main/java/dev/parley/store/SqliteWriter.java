package dev.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite has one writer. Instead of making callers queue on a lock (each hand-over costs a context
 * switch, and every transaction its own commit), one thread runs the waiting write transactions
 * together: one database transaction per batch, a savepoint per caller, so a caller that fails rolls
 * back only its own work. Callers wait for their own result; effects run after the batch committed.
 */
final class SqliteWriter implements AutoCloseable {
    private static final int MAX_BATCH = 64;
    /** How often the write-ahead log is rewound to its start (see {@link #rewindLog}). */
    private static final long REWIND_EVERY_NANOS = 1_000_000_000L;
    /** How long a rewind waits for readers of the log before it gives up for this round. */
    private static final int REWIND_WAIT_MS = 20;

    private final Jdbi jdbi;
    private final StoreCounters counters;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private long lastRewind = System.nanoTime();
    /** Only touched by the writer thread. */
    private WriterConnection connection;

    private static final class Job<T> {
        final Database.TxWork<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        /** The caller's log context, so that what the work logs on the writer thread names its conversation. */
        final java.util.Map<String, String> logContext = org.slf4j.MDC.getCopyOfContextMap();
        Tx tx;
        T result;

        Job(Database.TxWork<T> work) {
            this.work = work;
        }

        void run(Handle handle) {
            tx = new Tx(handle, Dialect.SQLITE);
            if (logContext != null) {
                org.slf4j.MDC.setContextMap(logContext);
            }
            try {
                result = work.run(tx);
            } finally {
                org.slf4j.MDC.clear();
            }
        }

        void succeed() {
            done.complete(result);
        }
    }

    SqliteWriter(Jdbi jdbi, StoreCounters counters) {
        this.jdbi = jdbi;
        this.counters = counters;
        this.thread = Thread.ofPlatform().name("sqlite-writer").daemon().start(this::loop);
    }

    <T> T write(Database.TxWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write transaction cannot start inside another one");
        }
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        Job<T> job = new Job<>(work);
        queue.add(job);
        T result;
        try {
            result = job.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a write transaction", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        job.tx.committedEffects().forEach(Runnable::run);
        return result;
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            runBatch(batch);
            batch.clear();
            if (System.nanoTime() - lastRewind > REWIND_EVERY_NANOS) {
                rewindLog();
            }
        }
        queue.forEach(j -> j.done.completeExceptionally(new IllegalStateException("the database is closed")));
        closeConnection();
    }

    private void runBatch(List<Job<?>> batch) {
        List<Job<?>> ok = new ArrayList<>(batch.size());
        try {
            WriterConnection connection = connection();
            connection.handle.begin();
            for (Job<?> job : batch) {
                connection.savepoint.execute();
                try {
                    job.run(connection.handle);
                    connection.release.execute();
                    ok.add(job);
                } catch (RuntimeException | Error e) {
                    connection.rollbackTo.execute();
                    connection.release.execute();
                    job.done.completeExceptionally(e);
                }
            }
            connection.handle.commit();
            counters.committed();
        } catch (RuntimeException | SQLException e) {
            closeConnection();
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new StoreException("the write transaction failed: " + e.getMessage(), e);
            batch.forEach(j -> j.done.completeExceptionally(failure));
            return;
        }
        ok.forEach(Job::succeed);
    }

    /**
     * The writer's own connection, kept between batches (taking one from the pool and setting it up
     * for every batch cost more than many of the batches' statements), with the savepoint statements
     * every job runs prepared once.
     */
    private static final class WriterConnection {
        final Handle handle;
        final PreparedStatement savepoint;
        final PreparedStatement release;
        final PreparedStatement rollbackTo;

        WriterConnection(Handle handle) throws SQLException {
            this.handle = handle;
            // checkpoints run on their own thread (see Database) and in rewindLog, never inside a commit
            handle.execute("PRAGMA wal_autocheckpoint=0");
            Connection jdbc = handle.getConnection();
            this.savepoint = jdbc.prepareStatement("SAVEPOINT job");
            this.release = jdbc.prepareStatement("RELEASE job");
            this.rollbackTo = jdbc.prepareStatement("ROLLBACK TO job");
        }
    }

    private WriterConnection connection() throws SQLException {
        if (connection == null) {
            Handle handle = jdbi.open();
            try {
                connection = new WriterConnection(handle);
            } catch (SQLException | RuntimeException e) {
                handle.close();
                throw e;
            }
        }
        return connection;
    }

    /** Drops the connection after a failure; the next batch opens a fresh one. */
    private void closeConnection() {
        if (connection != null) {
            try {
                connection.handle.rollback();
            } catch (RuntimeException ignored) {
                // the connection is being dropped anyway
            }
            try {
                connection.handle.close();
            } catch (RuntimeException ignored) {
                // nothing more to release
            }
            connection = null;
        }
    }

    /**
     * Copies what is left of the write-ahead log into the database and lets the next commit write the
     * log from its start again. The checkpoint thread's passive checkpoints do the bulk of the copying
     * but can never finish while readers keep arriving, and a log that is never rewound grows without
     * end: on disk, and in the time every commit spends extending the file and every read spends
     * searching its index. Runs on the writer thread, between batches, so no commit waits for a lock;
     * it gives up quickly when a reader still uses the log and tries again a second later.
     */
    private void rewindLog() {
        lastRewind = System.nanoTime();
        try {
            Handle handle = connection().handle;
            handle.execute("PRAGMA busy_timeout=" + REWIND_WAIT_MS);
            try {
                handle.execute("PRAGMA wal_checkpoint(RESTART)");
            } finally {
                handle.execute("PRAGMA busy_timeout=" + Database.SQLITE_BUSY_TIMEOUT_MS);
            }
        } catch (RuntimeException | SQLException e) {
            // busy or failing: the next round tries again
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
