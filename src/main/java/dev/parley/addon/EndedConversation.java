package dev.parley.addon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.TimelineItem;
import dev.parley.json.Json;
import java.time.Instant;
import java.util.List;

/** A conversation as dispatches see it after its end: its state, contact, widget name and transcript. */
record EndedConversation(Conversation conversation, Contact contact, String widgetName, Instant endedAt,
        List<TimelineItem> transcript) {

    EndedConversation {
        transcript = List.copyOf(transcript);
    }

    /** The body add-on webhooks receive. */
    ObjectNode toJson() {
        ObjectNode body = Json.object().put("event", "conversation_ended");
        ObjectNode conv = body.putObject("conversation");
        conv.put("id", conversation.id());
        conv.put("status", conversation.status().wire());
        conv.put("subject", conversation.subject().orElse(null));
        conv.set("topics", conversation.topics());
        conv.put("locale", conversation.locale().orElse(null));
        conv.set("custom_fields", conversation.customFields());
        conv.put("channel", conversation.channelType());
        conv.put("created_at", conversation.createdAt().toString());
        conv.put("ended_at", endedAt.toString());
        body.set("contact", contact.toJson());
        ArrayNode items = body.putArray("transcript");
        transcript.forEach(item -> items.add(item.toJson()));
        return body;
    }
}
