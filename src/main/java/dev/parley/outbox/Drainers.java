package dev.parley.outbox;

import dev.parley.store.Dialect;
import java.util.function.BooleanSupplier;

/**
 * Who drains the outbox of a database: this node alone — on SQLite, or on PostgreSQL without Redis, where the
 * node holds the database for itself — or every node sharing a PostgreSQL database, each lane under a lease row
 * ({@link SharedLeases}). Either way a node drains only while {@code allowed} answers true: a node that lost its
 * hold on the database (its connection broke and another node took it meanwhile) stops delivering.
 */
public sealed interface Drainers {
    /** Whether this node may drain now. */
    BooleanSupplier allowed();

    /** This node alone: its lane workers keep one drain per lane, with no lease rows. */
    record Alone(BooleanSupplier allowed) implements Drainers {}

    /** Nodes sharing a PostgreSQL database: a lane is drained only under its lease. */
    record Shared(BooleanSupplier allowed) implements Drainers {}

    /** What a database can have when nothing else is known: one node on SQLite, leases on PostgreSQL. */
    static Drainers of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new Alone(() -> true);
            case POSTGRESQL -> new Shared(() -> true);
        };
    }
}
