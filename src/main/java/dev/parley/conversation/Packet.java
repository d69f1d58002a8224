package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;

/** Everything that happens in a conversation: an event name and its parameters (the Chatbot API's model). */
public record Packet(String name, ObjectNode payload) {

    public static Packet of(String name) {
        return new Packet(name, Json.object());
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        n.set("payload", payload);
        return n;
    }
}
