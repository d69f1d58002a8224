package dev.parley.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements Parley sends (queries and updates; not the {@code BEGIN}, {@code COMMIT} and
 * savepoints around them) and the write transactions it commits, as {@code parley_db_statements_total}
 * and {@code parley_db_commits_total}: what a round trip costs the database, independent of how busy the
 * machine is.
 */
final class StoreCounters implements SqlLogger {
    static final String STATEMENTS = "parley.db.statements";
    static final String COMMITS = "parley.db.commits";

    private final Counter statements = Counter.builder(STATEMENTS)
            .description("SQL statements sent to the database").register(Metrics.globalRegistry);
    private final Counter commits = Counter.builder(COMMITS)
            .description("write transactions committed (on SQLite, batches of them)").register(Metrics.globalRegistry);

    @Override
    public void logAfterExecution(StatementContext context) {
        statements.increment();
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        statements.increment();
    }

    void committed() {
        commits.increment();
    }
}
