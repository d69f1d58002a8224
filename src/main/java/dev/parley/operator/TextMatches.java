package dev.parley.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.store.Dialect;
import org.jdbi.v3.core.Handle;

/** Where a conversation matched a search in what was written: its newest item whose text contains the search. */
final class TextMatches {
    private TextMatches() {}

    /** The newest item of the conversation whose body contains {@code text} (any case), as the timeline shows it. */
    static JsonNode latest(Handle h, Dialect dialect, TimelineStore timeline, String conversationId, String text) {
        return h.createQuery("SELECT t.id FROM timeline t WHERE t.conversation_id = :c AND "
                + ConversationFilterSql.bodyMatches(dialect) + " ORDER BY t.seq DESC LIMIT 1")
                .bind("c", conversationId).bind("text", ConversationFilterSql.contains(text))
                .mapTo(String.class).findOne()
                .flatMap(id -> timeline.byId(h, conversationId, id))
                .<JsonNode>map(TimelineItem::toJson)
                .orElse(NullNode.getInstance());
    }
}
