package dev.parley.flow.engine;

/** What the contact did, as the flow sees it. */
sealed interface Input {

    /** Typed text (also a media upload's URL and a shared location, as text). */
    record Text(String text) implements Input {
    }

    /** A clicked option. */
    record Click(String id, String label) implements Input {
    }

    /** A forward with {@code on_failure: feedback} found nobody. */
    record ForwardFailed() implements Input {
    }
}
