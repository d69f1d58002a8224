package dev.parley.channel;

/** Whether an inbound request is the vendor's: a refused one is answered 401 and nothing of it is stored. */
public sealed interface Verification {
    record Verified() implements Verification {}

    /** {@code reason} is for the log (never the secret or the expected signature). */
    record Refused(String reason) implements Verification {}
}
