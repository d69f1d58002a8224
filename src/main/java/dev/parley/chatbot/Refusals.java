package dev.parley.chatbot;

import dev.parley.error.ClientError;
import dev.parley.store.Tx;

/**
 * What becomes of an event refused when applied: a request to the API URL is refused whole (the
 * error is thrown and the transaction rolls back); a webhook answer skips the event and goes on.
 */
@FunctionalInterface
interface Refusals {
    /** Refuses the whole request. */
    Refusals ALL_OR_NOTHING = (tx, event, error) -> {
        throw error;
    };

    void refused(Tx tx, BotEvent event, ClientError error);
}
