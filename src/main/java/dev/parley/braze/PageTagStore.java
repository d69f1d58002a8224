package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code braze_page_tags}: the page tags of a conversation not yet handed to the Braze writer. */
final class PageTagStore {

    /** A page tag waiting to be sent. */
    record Waiting(String id, String tag, ObjectNode properties, Instant at) {}

    void insert(Tx tx, String id, String conversationId, String tag, ObjectNode properties, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO braze_page_tags (id, conversation_id, tag, properties, tagged_at)
                VALUES (:id, :conv, :tag, :properties, :at)""")
                .bind("id", id).bind("conv", conversationId).bind("tag", tag)
                .bind("properties", Json.write(properties)).bind("at", at.toEpochMilli()).execute();
    }

    /** The conversation's waiting tags, oldest first. */
    List<Waiting> waiting(Handle h, String conversationId) {
        return h.createQuery("""
                SELECT id, tag, properties, tagged_at FROM braze_page_tags WHERE conversation_id = :conv
                ORDER BY tagged_at, id""")
                .bind("conv", conversationId)
                .map((rs, ctx) -> new Waiting(rs.getString("id"), rs.getString("tag"),
                        Json.parseStoredObject(rs.getString("properties")), Instant.ofEpochMilli(rs.getLong("tagged_at"))))
                .list();
    }

    void delete(Tx tx, List<Waiting> tags) {
        if (!tags.isEmpty()) {
            tx.handle().createUpdate("DELETE FROM braze_page_tags WHERE id IN (<ids>)")
                    .bindList("ids", tags.stream().map(Waiting::id).toList()).execute();
        }
    }
}
