package dev.parley.outbox;

import dev.parley.store.Database;
import dev.parley.store.Dialect;
import java.time.Duration;

/**
 * Who may drain a lane. A node alone on its database owns every lane ({@link InProcess}); nodes sharing a
 * PostgreSQL database take a lease row per lane ({@link SharedLeases}), so only one node delivers a lane's head at a
 * time and a dead node's lanes go on elsewhere once its leases run out.
 */
sealed interface LaneLeases extends AutoCloseable permits LaneLeases.InProcess, SharedLeases {

    /** The leases fitting {@code drainers}: none needed for a node alone, shared rows on PostgreSQL. */
    static LaneLeases of(Database db, String node, Duration ttl, Drainers drainers) {
        return switch (drainers) {
            case Drainers.Alone alone -> new InProcess(alone);
            case Drainers.Shared shared -> {
                if (db.dialect() != Dialect.POSTGRESQL) {
                    throw new IllegalArgumentException("only nodes on PostgreSQL share an outbox, not on "
                            + db.dialect());
                }
                yield SharedLeases.start(db, node, ttl, shared);
            }
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

    /** A node alone: the in-process lane workers already keep one drain per lane. */
    record InProcess(Drainers.Alone alone) implements LaneLeases {
        @Override
        public boolean claim(String lane) {
            return alone.allowed().getAsBoolean();
        }

        @Override
        public boolean held(String lane) {
            return alone.allowed().getAsBoolean();
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
