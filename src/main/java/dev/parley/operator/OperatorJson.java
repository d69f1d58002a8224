package dev.parley.operator;

import dev.parley.conversation.NoteStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import java.util.Locale;

/** JSON shapes of the operator API. */
public final class OperatorJson {
    private OperatorJson() {}

    public static ObjectNode operator(Operator o) {
        ObjectNode n = Json.object();
        n.put("id", o.id());
        n.put("name", o.name());
        n.put("email", o.email());
        n.put("role", o.role().name().toLowerCase(Locale.ROOT));
        n.put("group", o.groupId());
        n.set("skills", Json.MAPPER.valueToTree(o.skills()));
        n.put("slots", o.slots());
        n.put("status", o.status());
        return n;
    }

    static ObjectNode note(NoteStore.Note note) {
        ObjectNode n = Json.object();
        n.put("id", note.id());
        n.put("about", note.contactId().isPresent() ? "contact" : "conversation");
        n.set("author", note.author().toJson());
        n.put("body", note.body());
        n.put("created_at", note.createdAt().toString());
        return n;
    }
}
