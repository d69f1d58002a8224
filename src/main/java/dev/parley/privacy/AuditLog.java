package dev.parley.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code admin_audit} table: who exported or erased which contact, and what the retention job
 * removed, when, with counts. Written in the transaction of what it records.
 */
final class AuditLog {
    /** The actor of what the retention job does. */
    static final Actor RETENTION = new Actor("retention", "retention job");

    /** Who acted: an operator's id and e-mail address, or the retention job. */
    record Actor(String id, String email) {}

    /** One entry; {@code detail} is JSON. */
    record Entry(String id, Instant at, Actor actor, String action, String target, JsonNode detail) {
        ObjectNode toJson() {
            ObjectNode n = Json.object().put("id", id).put("at", at.toString());
            n.putObject("actor").put("id", actor.id()).put("email", actor.email());
            n.put("action", action).put("target", target).set("detail", detail);
            return n;
        }
    }

    private final Ids ids;

    AuditLog(Ids ids) {
        this.ids = ids;
    }

    void record(Tx tx, Instant at, Actor actor, String action, String target, JsonNode detail) {
        tx.handle().createUpdate("""
                INSERT INTO admin_audit (id, at, actor_id, actor_email, action, target, detail)
                VALUES (:id, :at, :actor, :email, :action, :target, :detail)""")
                .bind("id", ids.next("aud")).bind("at", at.toEpochMilli()).bind("actor", actor.id())
                .bind("email", actor.email()).bind("action", action).bind("target", target)
                .bind("detail", Json.write(detail)).execute();
    }

    /** At most {@code limit} entries, newest first, older than entry {@code before} when given. */
    List<Entry> list(Handle h, int limit, Optional<String> before) {
        String older = before.isPresent() ? """
                WHERE (at, id) < (SELECT at, id FROM admin_audit WHERE id = :before)""" : "";
        var query = h.createQuery("SELECT id, at, actor_id, actor_email, action, target, detail FROM admin_audit "
                + older + " ORDER BY at DESC, id DESC LIMIT :limit").bind("limit", limit);
        before.ifPresent(id -> query.bind("before", id));
        return query.map((rs, ctx) -> new Entry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")),
                new Actor(rs.getString("actor_id"), rs.getString("actor_email")), rs.getString("action"),
                rs.getString("target"), Json.parseStored(rs.getString("detail")))).list();
    }
}
