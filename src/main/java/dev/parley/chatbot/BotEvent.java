package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One validated triggerable event: where it stood in its body ({@code ""} alone, {@code "[2]"} in a
 * list), the session it names, a context to store, the action, the event as sent (kept so that events
 * after a {@code delay} can be queued durably and applied later), and what was forgiven in it.
 */
public record BotEvent(String path, String cid, Optional<ObjectNode> context, String name, BotAction action,
        JsonNode raw, List<EventNotice> notices) {

    /** The prefix of a path inside this event: {@code ""} or {@code "[2]."}. */
    String at() {
        return path.isEmpty() ? "" : path + ".";
    }

    /** The same event with another action (a media event pointing at Parley's copy). */
    BotEvent with(BotAction newAction, JsonNode newRaw) {
        return new BotEvent(path, cid, context, name, newAction, newRaw, notices);
    }
}
