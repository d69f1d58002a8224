package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.util.List;

/** Builds the events a bot sends (chatbot spec §2, §4), valid or deliberately not. */
final class BotEvents {
    private BotEvents() {}

    /** One event object {@code {info: {cid}, packet: {name, payload}}}. */
    static ObjectNode event(String cid, String name, ObjectNode payload) {
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", name).set("payload", payload);
        return event;
    }

    static ObjectNode message(String cid, String body) {
        return event(cid, "message", Json.object().put("body", body));
    }

    static ObjectNode withContext(ObjectNode event, ObjectNode context) {
        ((ObjectNode) event.get("info")).set("context", context);
        return event;
    }

    /** A context of 11 KB, over the 10 KB limit. */
    static ObjectNode bigContext() {
        return Json.object().put("blob", "x".repeat(11 * 1024));
    }

    /** A {@code bubbles} payload with options {@code o0 … o<n-1>}. */
    static ObjectNode bubbles(int options) {
        ObjectNode payload = Json.object().put("body", "Pick one").put("fallback", "Pick one");
        ArrayNode list = payload.putArray("options");
        for (int i = 0; i < options; i++) {
            list.addObject().put("id", "o" + i).put("label", "Option " + i);
        }
        return payload;
    }

    /** A {@code bubbles} payload whose second option repeats the first one's id. */
    static ObjectNode duplicateIds() {
        ObjectNode payload = bubbles(2);
        ((ObjectNode) payload.withArray("options").get(1)).put("id", "o0");
        return payload;
    }

    static ArrayNode list(JsonNode... events) {
        ArrayNode list = Json.array();
        List.of(events).forEach(list::add);
        return list;
    }
}
