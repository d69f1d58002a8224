package dev.parley.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One write transaction: the handle to run SQL on, and effects to run only once it has committed
 * (waking outbox workers, pushing to live sockets) so nothing is announced that could still roll back.
 */
public final class Tx {
    private final Handle handle;
    private final Dialect dialect;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    /**
     * Makes every other transaction that locks the same {@code key} wait until this one has ended, so a
     * find-or-create by a natural key (a user's external id) cannot create the same thing twice. SQLite
     * runs one write transaction at a time anyway; PostgreSQL takes a transaction-scoped advisory lock.
     * Lock several keys in one order everywhere (sorted), or two transactions may wait for each other.
     */
    public void lock(String key) {
        if (dialect == Dialect.POSTGRESQL) {
            handle.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").bind("key", key)
                    .map((rs, ctx) -> Boolean.TRUE).one();
        }
    }

    /**
     * The clause that makes a {@code SELECT} lock the rows it reads until this transaction ends: on
     * PostgreSQL {@code FOR UPDATE}; on SQLite nothing, as its write transactions run one at a time.
     * Cheaper than a no-op {@code UPDATE}, which writes a new row version and a log record.
     */
    public String forUpdate() {
        return switch (dialect) {
            case POSTGRESQL -> " FOR UPDATE";
            case SQLITE -> "";
        };
    }

    /**
     * The clause that makes a {@code SELECT} lock the rows it reads and pass over rows another transaction holds
     * locked: on PostgreSQL {@code FOR UPDATE SKIP LOCKED}; on SQLite nothing, as its write transactions run one at
     * a time. For periodic writes that may skip a busy row this time rather than wait behind its writer.
     */
    public String forUpdateSkipLocked() {
        return switch (dialect) {
            case POSTGRESQL -> " FOR UPDATE SKIP LOCKED";
            case SQLITE -> "";
        };
    }

    /**
     * Lets this transaction commit without waiting for the write-ahead log to reach disk, for writes no
     * acknowledgement depends on (a presence mark): it releases its row locks sooner, and a database crash can only
     * lose it. PostgreSQL sets {@code synchronous_commit} off for this transaction alone; SQLite already commits
     * without a flush in WAL mode at {@code synchronous=NORMAL}.
     */
    public void commitWithoutWaitingForDisk() {
        if (dialect == Dialect.POSTGRESQL) {
            handle.createQuery("SELECT set_config('synchronous_commit', 'off', true)").mapTo(String.class).one();
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Handle handle() {
        return handle;
    }

    public void afterCommit(Runnable effect) {
        afterCommit.add(effect);
    }

    List<Runnable> committedEffects() {
        return afterCommit;
    }
}
