package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** One validated triggerable event: the session it names, a context to store, and the action. */
public record BotEvent(String cid, Optional<ObjectNode> context, String name, BotAction action) {
}
