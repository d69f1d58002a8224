package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.store.Tx;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What running an action gave a flow.
 *
 * @param outcome the outcome the node routes on
 * @param data    saved by the node's {@code save:}
 * @param cause   why it failed, for the conversation's timeline
 * @param effect  work that must commit together with the flow's step (a Braze update to queue)
 */
public record ActionCall(String outcome, JsonNode data, Optional<String> cause, Optional<Consumer<Tx>> effect) {
}
