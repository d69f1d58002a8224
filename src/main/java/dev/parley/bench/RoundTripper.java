package dev.parley.bench;

/** One simulated client: sends a message and waits for the bot's answer to it. */
interface RoundTripper extends AutoCloseable {

    /** How one round trip ended. */
    sealed interface Outcome {
        /** The reply arrived; {@code nanoTime} is when. */
        record Replied(long nanoTime) implements Outcome {}

        /** A request failed or the reply did not come in time; {@code kind} says which, for the report. */
        record Failed(String kind) implements Outcome {}
    }

    /** Sends {@code body} and blocks until its reply arrives, a request fails, or the timeout passes. */
    Outcome roundTrip(String body);

    @Override
    void close();
}
