package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.Role;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The numbers beside the console's views: conversations waiting in the inbox, open ones assigned to the
 * operator, and every open (not ended) conversation the operator may see; each with how many of them
 * hold messages the operator has not read.
 */
public final class ConversationCounts {
    private static final String LISTED = " AND (c.test = 0 OR c.assignee_type = 'operator')";

    private final Database db;

    public ConversationCounts(Database db) {
        this.db = db;
    }

    public ObjectNode of(Operator me) {
        String visible = me.role() == Role.ADMIN ? "c.status <> 'ended'" : "c.status IN ('inbox', 'assigned')";
        return db.read(h -> {
            ObjectNode out = Json.object();
            view(h, me, out, "inbox", "c.status = 'inbox'");
            view(h, me, out, "mine", "c.status = 'assigned' AND c.assignee_type = 'operator' AND c.assignee_id = :op");
            view(h, me, out, "all", visible);
            return out;
        });
    }

    private static void view(Handle h, Operator me, ObjectNode out, String name, String where) {
        String unread = "EXISTS (SELECT 1 " + ReadMarks.unreadItems("c.id") + ")";
        var row = h.createQuery("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN " + unread
                + " THEN 1 ELSE 0 END), 0) AS unread FROM conversations c WHERE " + where + LISTED)
                .bind("op", me.id()).mapToMap().one();
        out.putObject(name).put("total", ((Number) row.get("total")).longValue())
                .put("unread", ((Number) row.get("unread")).longValue());
    }
}
