package dev.parley.bench;

import java.util.Optional;

/** What the load runs against: Parley on one store, or the bot alone (the reference). */
interface Target extends AutoCloseable {

    String label();

    /** The store Parley runs on; empty when Parley is not involved. */
    Optional<BenchOptions.Store> store();

    /** A new client of this target; {@code index} names it. */
    RoundTripper client(int index);

    @Override
    void close();
}
