package dev.parley.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bot's answer to a webhook call: empty, one event, or a list. Unlike a request to the API URL,
 * an answer is taken event by event (chatbot spec §4.2): each event is valid or invalid on its own.
 */
final class AnswerParser {

    /** One event of an answer, as read. */
    sealed interface Item {
        /** Ready to apply. */
        record Valid(BotEvent event) implements Item {}

        /** Skipped: {@code path} names the field at fault ({@code ""}: the whole body), {@code reason} the rule. */
        record Invalid(String path, String eventName, String reason) implements Item {}
    }

    private AnswerParser() {}

    static List<Item> parse(String body, String cid) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(new Item.Invalid("", "", "the answer is not JSON: " + Json.describe(e)));
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root instanceof ArrayNode list) {
            list.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(item(nodes.get(i), root.isArray() ? "[" + i + "]" : "", cid));
        }
        return items;
    }

    private static Item item(JsonNode node, String path, String cid) {
        String name = node.path("packet").path("name").asText("");
        try {
            BotEvent event = EventParser.event(node, path);
            if (!event.cid().equals(cid)) {
                String at = event.at() + "info.cid";
                return new Item.Invalid(at, name, at + " '" + event.cid() + "' is not the session of this call ("
                        + cid + ")");
            }
            return new Item.Valid(event);
        } catch (InvalidEventException e) {
            return new Item.Invalid(e.path(), name, e.getMessage());
        }
    }
}
