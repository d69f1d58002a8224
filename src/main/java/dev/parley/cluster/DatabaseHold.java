package dev.parley.cluster;

import dev.parley.store.DatabaseUrl;
import dev.parley.store.Timers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's hold on its PostgreSQL database, for as long as it runs: a node without Redis holds the database alone,
 * nodes with Redis share it. One session-level advisory lock on a connection of its own — exclusive for a node alone,
 * shared for nodes with Redis — refuses at start a second node without Redis, and a node without Redis beside nodes
 * with one: without Redis, nodes would not hear each other's live pushes or share their limits, and a node alone
 * drains its outbox without lease rows. PostgreSQL releases the lock when the node's session ends, however it ends.
 * Should the connection break (a database restart), the hold is retaken every {@link #CHECK_EVERY}; until then, and
 * while another node that took the database meanwhile runs, {@link #held} answers false and the node delivers nothing.
 */
public final class DatabaseHold implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseHold.class);
    /** The advisory lock's key: "parley" in ASCII; advisory lock keys are per database. */
    static final long KEY = 0x7061726c6579L;
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    /**
     * How long a starting node waits for a node that is stopping: a session's locks go only once its server process
     * has ended, a moment after its connection closed (a process killed, a node restarted at once).
     */
    static final Duration STOPPING = Duration.ofSeconds(2);

    /** Whether this node holds the database alone (no Redis) or shares it with other nodes (Redis). */
    public enum Kind {
        ALONE("pg_try_advisory_lock"), SHARED("pg_try_advisory_lock_shared");

        private final String function;

        Kind(String function) {
            this.function = function;
        }
    }

    private final DatabaseUrl url;
    private final Kind kind;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("database-hold").daemon().factory());
    /** Only touched by the check thread once started. */
    private Connection connection;
    private volatile boolean held;
    private volatile boolean closed;
    /** Whether the last retake was refused, so that a refusal is logged once and not every check. */
    private boolean refused;

    private DatabaseHold(DatabaseUrl url, Kind kind) {
        this.url = url;
        this.kind = kind;
    }

    /**
     * Takes the hold, or throws {@link IllegalArgumentException} in one line saying which node is in the way and
     * what to do.
     */
    public static DatabaseHold take(DatabaseUrl url, Kind kind) {
        DatabaseHold hold = new DatabaseHold(url, kind);
        boolean taken;
        try {
            taken = hold.tryTake();
            long deadline = System.nanoTime() + STOPPING.toNanos();
            while (!taken && System.nanoTime() < deadline) {
                Thread.sleep(100);
                taken = hold.tryTake();
            }
        } catch (SQLException e) {
            hold.close();
            throw new IllegalArgumentException("cannot connect to the database at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hold.close();
            throw new IllegalStateException("interrupted while taking the database", e);
        }
        if (!taken) {
            hold.close();
            throw new IllegalArgumentException(refusal(kind));
        }
        long every = CHECK_EVERY.toMillis();
        hold.checks.scheduleWithFixedDelay(hold::check, every, every, TimeUnit.MILLISECONDS);
        return hold;
    }

    static String refusal(Kind kind) {
        return switch (kind) {
            case ALONE -> "another Parley node is running on this PostgreSQL database; several nodes need a shared"
                    + " Redis: give every node the same PARLEY_REDIS_URL (or redis_url in parley.yml)";
            case SHARED -> "a Parley node without Redis is running on this PostgreSQL database; give every node the"
                    + " same PARLEY_REDIS_URL (or redis_url in parley.yml), or stop that node first";
        };
    }

    public Kind kind() {
        return kind;
    }

    /** True while this node holds the database as {@link #kind}. */
    public boolean held() {
        return held && !closed;
    }

    /** Asks for the lock, on the connection of an earlier refusal if there is one. */
    private boolean tryTake() throws SQLException {
        if (connection == null) {
            Properties props = new Properties();
            if (!url.user().isEmpty()) {
                props.setProperty("user", url.user());
                props.setProperty("password", url.password());
            }
            props.setProperty("ApplicationName", "parley node hold");
            connection = DriverManager.getConnection(url.jdbcUrl(), props);
        }
        try (PreparedStatement take = connection.prepareStatement("SELECT " + kind.function + "(?)")) {
            take.setLong(1, KEY);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                held = rs.getBoolean(1);
            }
        }
        return held;
    }

    /** Keeps the hold: when its connection broke, opens another and takes the lock again. */
    private void check() {
        if (closed || connectionAlive()) {
            return;
        }
        if (held) {
            held = false;
            log.warn("the connection holding this node's claim on the database broke; the outbox waits until it is"
                    + " taken again");
        }
        closeConnection();
        try {
            if (tryTake()) {
                refused = false;
                log.info("this node holds the database again ({})", kind.name().toLowerCase(java.util.Locale.ROOT));
                return;
            }
            // a refused connection holds nothing: the next check tries on a new one
            closeConnection();
            if (!refused) {
                refused = true;
                log.error("{} — it took the database while this node's connection was away; this node delivers"
                        + " nothing until that node stops", refusal(kind));
            }
        } catch (SQLException e) {
            // the database is still away: the next check tries again
        }
    }

    private boolean connectionAlive() {
        try {
            return connection != null && connection.isValid((int) CHECK_EVERY.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends either way, and the lock with it
            }
            connection = null;
        }
    }

    /**
     * Gives the database up. The lock is released before the connection closes: a session's locks go only once its
     * server process has ended, a moment after the connection closed, and a node started right after this one stopped
     * (a restart) would otherwise find the database still held.
     */
    @Override
    public void close() {
        closed = true;
        Timers.stop(checks);
        if (held && connection != null) {
            try (PreparedStatement release = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                release.execute();
            } catch (SQLException ignored) {
                // the connection broke: the lock went with its session
            }
        }
        closeConnection();
    }
}
