package dev.parley.addon;

import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code dispatches} table. */
final class DispatchStore {

    void insert(Tx tx, Dispatch d, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO dispatches (id, conversation_id, kind, target, requested_by, created_at, status)
                VALUES (:id, :conv, :kind, :target, :by, :at, :status)""")
                .bind("id", d.id()).bind("conv", d.conversationId()).bind("kind", d.request().kind())
                .bind("target", Json.write(d.request().toJson())).bind("by", d.requestedBy())
                .bind("at", now.toEpochMilli()).bind("status", d.status().wire())
                .execute();
    }

    /** The dispatches of a conversation still waiting for its end, oldest first. */
    List<Dispatch> pending(Handle h, String conversationId) {
        return h.createQuery("""
                SELECT * FROM dispatches WHERE conversation_id = :c AND status = 'pending'
                ORDER BY created_at, id""")
                .bind("c", conversationId).map((rs, ctx) -> map(rs)).list();
    }

    Optional<Dispatch> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM dispatches WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs))
                .findOne();
    }

    void queued(Tx tx, String id, String eventId) {
        tx.handle().createUpdate("UPDATE dispatches SET status = 'queued', event_id = :e WHERE id = :id")
                .bind("e", eventId).bind("id", id).execute();
    }

    /** Records a failed attempt that will be retried. */
    void attempted(Tx tx, String id, int attempt, String error) {
        tx.handle().createUpdate("UPDATE dispatches SET attempts = :a, last_error = :err WHERE id = :id")
                .bind("a", attempt).bind("err", error).bind("id", id).execute();
    }

    /** Records the outcome; {@code error} is empty for a delivered dispatch. */
    void finish(Tx tx, String id, DispatchStatus status, int attempt, Optional<String> error, Instant now) {
        tx.handle().createUpdate("""
                UPDATE dispatches SET status = :s, attempts = :a, last_error = :err, finished_at = :at
                WHERE id = :id""")
                .bind("s", status.wire()).bind("a", attempt).bind("err", error.orElse(null))
                .bind("at", now.toEpochMilli()).bind("id", id).execute();
    }

    private static Dispatch map(ResultSet rs) throws SQLException {
        return new Dispatch(rs.getString("id"), rs.getString("conversation_id"),
                DispatchRequest.fromJson(Json.parseStoredObject(rs.getString("target"))),
                rs.getString("requested_by"), DispatchStatus.fromWire(rs.getString("status")));
    }
}
