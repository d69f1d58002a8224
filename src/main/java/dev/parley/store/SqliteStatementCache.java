package dev.parley.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite's prepared statements for reuse, per connection. SQLite compiles every statement from
 * its text when it is prepared, and Parley runs the same few dozen statements over and over: without
 * this, compiling took more time than running them. (PostgreSQL's driver keeps its own cache.)
 *
 * <p>Statements are prepared on the driver's own connection, beneath the pool, so the pool does not
 * close them when a connection goes back; they live as long as that connection. A statement that is in
 * use (the same text run again while its results are still being read) gets a fresh, uncached one.
 */
final class SqliteStatementCache implements StatementBuilderFactory {
    /** Statements kept per connection; the least recently used one is closed beyond this. */
    private static final int PER_CONNECTION = 256;

    private final Map<SQLiteConnection, Statements> byConnection = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder();
    }

    private synchronized Statements of(SQLiteConnection connection) {
        Statements statements = byConnection.get(connection);
        if (statements == null) {
            // a connection new to the cache: the pool may have closed the one it replaces
            forgetClosedConnections();
            statements = new Statements();
            byConnection.put(connection, statements);
        }
        return statements;
    }

    /** Drops the statements of connections the pool has closed (their statements closed with them). */
    private void forgetClosedConnections() {
        byConnection.keySet().removeIf(c -> {
            try {
                return c.isClosed();
            } catch (SQLException e) {
                return true;
            }
        });
    }

    /** One connection's statements; a connection is used by one thread at a time. */
    private static final class Statements {
        private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true);
        private final Map<PreparedStatement, String> inUse = new HashMap<>();

        synchronized PreparedStatement take(SQLiteConnection connection, String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                if (inUse.containsValue(sql)) {
                    return null;
                }
                statement = connection.prepareStatement(sql);
            }
            inUse.put(statement, sql);
            return statement;
        }

        /** Takes the statement back; false when it is not one of this cache's. */
        synchronized boolean giveBack(Statement statement) throws SQLException {
            String sql = inUse.remove(statement);
            if (sql == null) {
                return false;
            }
            if (statement.isClosed()) {
                return true;
            }
            if (!finish(statement)) {
                statement.close();
                return true;
            }
            ((PreparedStatement) statement).clearParameters();
            idle.put(sql, (PreparedStatement) statement);
            if (idle.size() > PER_CONNECTION) {
                var eldest = idle.entrySet().iterator().next();
                idle.remove(eldest.getKey());
                eldest.getValue().close();
            }
            return true;
        }
    }

    /**
     * Resets a statement that stopped on a row nobody read (a {@code PRAGMA} that answers one, say):
     * until then SQLite counts it as running, which holds its read snapshot and refuses savepoints.
     * Closing a result set resets its statement; a statement without result columns was reset when it
     * finished. Returns false when the statement cannot be reused.
     */
    private static boolean finish(Statement statement) {
        try (ResultSet rows = statement.getResultSet()) {
            return true;
        } catch (SQLException stillReading) {
            return false;
        }
    }

    private final class Builder implements StatementBuilder {
        private final DefaultStatementBuilder plain = new DefaultStatementBuilder();

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return plain.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return plain.create(conn, sql, ctx);
            }
            SQLiteConnection raw = conn.unwrap(SQLiteConnection.class);
            PreparedStatement cached = of(raw).take(raw, sql);
            return cached != null ? cached : plain.create(conn, sql, ctx);
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return plain.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement stmt) throws SQLException {
            if (!of(conn.unwrap(SQLiteConnection.class)).giveBack(stmt)) {
                plain.close(conn, sql, stmt);
            }
        }
    }
}
