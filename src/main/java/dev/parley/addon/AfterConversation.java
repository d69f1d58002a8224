package dev.parley.addon;

import dev.parley.config.AddonConfig;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * What the Braze feature does in the transaction that ends a conversation, so that its effects commit
 * with the end and happen exactly once.
 */
public interface AfterConversation {

    /** Applies the rules that hold for every ending conversation (a bot's or widget's after_conversation). */
    void conversationEnded(Tx tx, String conversationId, Instant endedAt);

    /** Runs an add-on of type braze that a bot dispatched; returns why nothing could be sent, if so. */
    Optional<String> runBrazeAddon(Tx tx, String conversationId, AddonConfig.Braze addon, Instant endedAt);
}
