package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.markdown.Markdown;
import java.time.Instant;

/**
 * One entry of a conversation's ordered timeline, as the contact API and the stream show it;
 * {@code markdown_v1} texts come with their sanitized {@code html} so that clients never render
 * markup themselves.
 */
public record TimelineItem(String conversationId, long seq, String id, Instant at, Author author, Packet packet,
        boolean visibleToContact) {

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("id", id);
        n.put("at", at.toString());
        n.set("author", author.toJson());
        n.set("packet", packet.toJson());
        if ("markdown_v1".equals(packet.payload().path("text_format").asText())) {
            n.put("html", Markdown.toHtml(packet.payload().path("body").asText()));
        }
        return n;
    }
}
