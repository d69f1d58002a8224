package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@link BrazeReader#profile} found. */
public sealed interface BrazeProfile {

    /** Braze knows the user: its export object, with the fields asked for. */
    record Found(ObjectNode user) implements BrazeProfile {}

    /** Braze has no such user. */
    record NotFound() implements BrazeProfile {}

    /**
     * The lookup could not be made or answered: Braze not configured, an invalid request, a 4xx, 429,
     * 5xx or no answer. {@code reason} says which, for the conversation's timeline.
     */
    record Failed(String reason) implements BrazeProfile {}
}
