package dev.parley.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a bot's answer to a webhook call: empty, one event, or a list. Unlike API requests, an answer
 * is applied up to its first invalid event; the error is kept for the delivery log.
 */
final class AnswerParser {

    /** The valid leading events, and the error that stopped reading, if any. */
    record Answer(List<BotEvent> events, Optional<String> error) {}

    private AnswerParser() {}

    static Answer parse(String body, String cid) {
        if (body == null || body.isBlank()) {
            return new Answer(List.of(), Optional.empty());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new Answer(List.of(), Optional.of(Json.describe(e)));
        }
        List<JsonNode> items = new ArrayList<>();
        if (root instanceof ArrayNode list) {
            list.forEach(items::add);
        } else {
            items.add(root);
        }
        List<BotEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = root.isArray() ? "[" + i + "]" : "";
            try {
                BotEvent event = EventParser.parse(items.get(i)).getFirst();
                if (!event.cid().equals(cid)) {
                    return new Answer(events, Optional.of((path.isEmpty() ? "" : path + ".") + "info.cid '"
                            + event.cid() + "' is not the session of this call (" + cid + ")"));
                }
                events.add(event);
            } catch (InvalidEventException e) {
                String message = path.isEmpty() ? e.getMessage() : path + "." + e.getMessage();
                return new Answer(events, Optional.of(message));
            }
        }
        return new Answer(events, Optional.empty());
    }
}
