package dev.parley.addon;

/** The outcome of one attempt at running a dispatch. */
sealed interface Attempt {

    /** Done: the add-on accepted the call, the mail server took the message. */
    record Delivered() implements Attempt {}

    /** Refused for good (an add-on's 4xx, a recipient the mail server rejects): recorded, not retried. */
    record Rejected(String error) implements Attempt {}

    /** Failed for a reason that may pass (5xx, 429, network, mail server unreachable): retried with backoff. */
    record Failed(String error) implements Attempt {}
}
