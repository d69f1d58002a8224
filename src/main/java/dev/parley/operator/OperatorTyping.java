package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.LiveHub;
import dev.parley.json.Json;
import dev.parley.routing.Operator;

/**
 * An operator typing a reply: the contact sees the same {@code typing} signal a bot sends during a
 * {@code delay}, with the operator as author. Only where the operator may reply; nothing is stored.
 */
public final class OperatorTyping {
    private final OperatorService operators;
    private final LiveHub hub;

    public OperatorTyping(OperatorService operators, LiveHub hub) {
        this.operators = operators;
        this.hub = hub;
    }

    public void typing(Operator me, String conversationId, boolean active) {
        operators.requireMayReply(me, conversationId);
        ObjectNode signal = Json.object().put("type", "typing").put("active", active);
        signal.set("author", Author.operator(me.id(), me.name()).toJson());
        hub.signal(conversationId, signal);
    }
}
