package dev.parley.bench;

/** What the load runs against: Parley on one store, or the bot alone (the reference). */
interface Target extends AutoCloseable {

    String label();

    /** A new client of this target; {@code index} names it. */
    RoundTripper client(int index);

    @Override
    void close();
}
