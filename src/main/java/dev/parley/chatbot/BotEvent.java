package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One validated triggerable event: the session it names, a context to store, the action, and the
 * event as sent (kept so that events after a {@code delay} can be queued durably and applied later).
 */
public record BotEvent(String cid, Optional<ObjectNode> context, String name, BotAction action, JsonNode raw) {
}
