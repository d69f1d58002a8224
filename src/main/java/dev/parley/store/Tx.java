package dev.parley.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * One write transaction: the handle to run SQL on, and effects to run only once it has committed
 * (waking outbox workers, pushing to live sockets) so nothing is announced that could still roll back.
 */
public final class Tx {
    /** A named parameter ({@code :name}), not the second half of a cast ({@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    private final Handle handle;
    private final Dialect dialect;
    private final List<Runnable> afterCommit = new ArrayList<>();
    /** Writes held back on PostgreSQL until the next statement or the commit ({@link #writeDeferred}). */
    private final List<Held> held = new ArrayList<>();
    private boolean sendsHeldFirst;

    /** A write held back: one statement with named parameters. */
    private record Held(String sql, Map<String, Object> params) {}

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

    /**
     * Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE} whose outcome the caller does not need (a queued outbox
     * entry, the record of a webhook call), as if run now: it takes effect before any later statement of this
     * transaction, and its failure rolls the transaction back like any other statement's. On PostgreSQL it is held
     * back and sent with whatever comes next — when that is the {@code COMMIT}, in the same message, so writes that
     * end a transaction cost no round trip to the server of their own. SQLite, in the process, runs it at once.
     */
    public void writeDeferred(String sql, Map<String, ?> params) {
        switch (dialect) {
            case SQLITE -> handle.createUpdate(sql).bindMap(params).execute();
            case POSTGRESQL -> {
                if (!sendsHeldFirst) {
                    sendsHeldFirst = true;
                    handle.addCustomizer(new StatementCustomizer() {
                        @Override
                        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                            sendHeld("");
                        }
                    });
                }
                held.add(new Held(sql, new LinkedHashMap<>(params)));
            }
        }
    }

    /** Sends the writes held back and the {@code COMMIT} in one message; nothing when no write is held. */
    void sendHeldWithCommit() {
        sendHeld("COMMIT");
    }

    /**
     * Sends the held writes, followed by {@code tail} when it is not empty, as one composite statement: the
     * PostgreSQL driver sends its parts in one message. After a {@code COMMIT} tail the driver sees the transaction
     * ended, and the commit that follows sends nothing.
     */
    private void sendHeld(String tail) {
        if (held.isEmpty()) {
            return;
        }
        List<Held> writes = List.copyOf(held);
        held.clear();
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            Held w = writes.get(i);
            String prefix = "w" + i + "_";
            sql.append(PARAMETER.matcher(w.sql()).replaceAll(":" + prefix + "$1")).append(";\n");
            w.params().forEach((name, value) -> params.put(prefix + name, value));
        }
        handle.createUpdate(sql.append(tail).toString()).bindMap(params).execute();
    }

    List<Runnable> committedEffects() {
        return afterCommit;
    }
}
