package dev.parley.bench;

import java.util.List;
import java.util.Optional;

/**
 * What the load runs against: Parley on one store in this process, Parley nodes of their own on
 * PostgreSQL and Redis, the storeless relay, or the bot alone (the reference).
 */
interface Target extends AutoCloseable {

    String label();

    /** The store Parley runs on; empty when Parley is not involved. */
    Optional<BenchOptions.Store> store();

    /** Processes of the target besides this one and PostgreSQL, each measured on its own. */
    List<WatchedProcess> processes();

    /** A new client of this target; {@code index} names it. */
    RoundTripper client(int index);

    @Override
    void close();
}
