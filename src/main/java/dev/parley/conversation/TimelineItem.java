package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.time.Instant;

/** One entry of a conversation's ordered timeline, as the contact API and the stream show it. */
public record TimelineItem(String conversationId, long seq, String id, Instant at, Author author, Packet packet,
        boolean visibleToContact) {

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("id", id);
        n.put("at", at.toString());
        n.set("author", author.toJson());
        n.set("packet", packet.toJson());
        return n;
    }
}
