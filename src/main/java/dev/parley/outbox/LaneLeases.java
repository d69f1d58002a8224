package dev.parley.outbox;

import dev.parley.store.Database;
import dev.parley.store.Dialect;
import java.time.Duration;

/**
 * Who may drain a lane. One node on SQLite owns every lane ({@link InProcess}); nodes sharing a
 * PostgreSQL database take a lease row per lane ({@link Shared}), so only one node delivers a lane's
 * head at a time and a dead node's lanes go on elsewhere once its leases run out.
 */
sealed interface LaneLeases extends AutoCloseable permits LaneLeases.InProcess, SharedLeases {

    /** The leases fitting {@code db}: shared rows on PostgreSQL, none needed on SQLite. */
    static LaneLeases of(Database db, String node, Duration ttl) {
        return switch (db.dialect()) {
            case SQLITE -> new InProcess();
            case POSTGRESQL -> SharedLeases.start(db, node, ttl);
        };
    }

    /** Takes the lane for this node; false when another node holds it. */
    boolean claim(String lane);

    /** Whether this node still holds the lane it claimed (a lease it failed to renew in time is lost). */
    boolean held(String lane);

    /**
     * Gives the lane up. Returns true when another node may have been turned away from it meanwhile,
     * so what it came for must be looked at again by this node.
     */
    boolean release(String lane);

    @Override
    void close();

    /** A single node: the in-process lane workers already keep one drain per lane. */
    record InProcess() implements LaneLeases {
        @Override
        public boolean claim(String lane) {
            return true;
        }

        @Override
        public boolean held(String lane) {
            return true;
        }

        @Override
        public boolean release(String lane) {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
