package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL for {@code braze_objects}, {@code braze_requests}, {@code braze_attributes_sent} and {@code braze_wake}. */
final class BrazeStore {

    void insertObject(Tx tx, String id, long seq, Optional<String> conversationId, Kind kind, String identity,
            ObjectNode body, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO braze_objects (id, seq, conversation_id, kind, identity, body, created_at)
                VALUES (:id, :seq, :conv, :kind, :identity, :body, :now)""")
                .bind("id", id).bind("seq", seq).bind("conv", conversationId.orElse(null)).bind("kind", kind.array())
                .bind("identity", identity).bind("body", Json.write(body)).bind("now", now.toEpochMilli()).execute();
    }

    /** Counts one more writer wanting a send; returns the count, so the first one queues it. */
    long bumpWake(Tx tx) {
        tx.handle().execute("UPDATE braze_wake SET requested = requested + 1 WHERE id = 1");
        return tx.handle().createQuery("SELECT requested FROM braze_wake WHERE id = 1").mapTo(Long.class).one();
    }

    void resetWake(Tx tx) {
        tx.handle().execute("UPDATE braze_wake SET requested = 0 WHERE id = 1");
    }

    /** The oldest pending objects of {@code kinds}, up to {@code limit}. */
    List<PendingObject> pending(Handle h, Set<Kind> kinds, int limit) {
        return h.createQuery("""
                SELECT id, kind, identity, body FROM braze_objects WHERE request_id IS NULL AND kind IN (<kinds>)
                ORDER BY seq LIMIT :n""")
                .bindList("kinds", kinds.stream().map(Kind::array).toList()).bind("n", limit)
                .map((rs, ctx) -> new PendingObject(rs.getString("id"), Kind.ofArray(rs.getString("kind")),
                        rs.getString("identity"), Json.parseStoredObject(rs.getString("body"))))
                .list();
    }

    /** When the oldest pending object was stored, if any is pending. */
    Optional<Instant> oldestPending(Handle h) {
        return h.createQuery("SELECT MIN(created_at) FROM braze_objects WHERE request_id IS NULL")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    long countPending(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM braze_objects WHERE request_id IS NULL").mapTo(Long.class).one();
    }

    void assign(Tx tx, List<String> objectIds, String requestId) {
        if (!objectIds.isEmpty()) {
            tx.handle().createUpdate("UPDATE braze_objects SET request_id = :r WHERE id IN (<ids>)")
                    .bind("r", requestId).bindList("ids", objectIds).execute();
        }
    }

    void deleteObjects(Tx tx, List<String> objectIds) {
        if (!objectIds.isEmpty()) {
            tx.handle().createUpdate("DELETE FROM braze_objects WHERE id IN (<ids>)").bindList("ids", objectIds)
                    .execute();
        }
    }

    void insertRequest(Tx tx, String id, ObjectNode body, int objects, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO braze_requests (id, body, objects, status, created_at, attempts, next_attempt_at)
                VALUES (:id, :body, :objects, 'open', :now, 0, :now)""")
                .bind("id", id).bind("body", Json.write(body)).bind("objects", objects).bind("now", now.toEpochMilli())
                .execute();
    }

    /** The request that was recorded and not yet sent or refused, if any. */
    Optional<SendRequest> openRequest(Handle h) {
        return h.createQuery("SELECT * FROM braze_requests WHERE status = 'open' ORDER BY created_at, id LIMIT 1")
                .map((rs, ctx) -> new SendRequest(rs.getString("id"), Json.parseStoredObject(rs.getString("body")),
                        rs.getInt("objects"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                .findOne();
    }

    /** Braze answered: the request leaves {@code open} for good and its objects are gone. */
    void finish(Tx tx, String requestId, String status, int httpStatus, Instant now) {
        tx.handle().createUpdate("""
                UPDATE braze_requests SET status = :s, http_status = :h, finished_at = :now, attempts = attempts + 1
                WHERE id = :id""")
                .bind("s", status).bind("h", httpStatus).bind("now", now.toEpochMilli()).bind("id", requestId)
                .execute();
        tx.handle().createUpdate("DELETE FROM braze_objects WHERE request_id = :id").bind("id", requestId).execute();
    }

    void retryLater(Tx tx, String requestId, Instant next, String error) {
        tx.handle().createUpdate("""
                UPDATE braze_requests SET attempts = attempts + 1, next_attempt_at = :next, last_error = :err
                WHERE id = :id""")
                .bind("next", next.toEpochMilli()).bind("err", error).bind("id", requestId).execute();
    }

    /** The values Braze took (or showed) for these users since {@code since}, by identity and attribute name. */
    Map<String, Map<String, String>> attributesSent(Handle h, List<String> identities, Instant since) {
        Map<String, Map<String, String>> known = new HashMap<>();
        if (identities.isEmpty()) {
            return known;
        }
        h.createQuery("""
                SELECT identity, name, value FROM braze_attributes_sent WHERE identity IN (<ids>) AND sent_at >= :since""")
                .bindList("ids", identities).bind("since", since.toEpochMilli())
                .map((rs, ctx) -> known.computeIfAbsent(rs.getString("identity"), k -> new HashMap<>())
                        .put(rs.getString("name"), rs.getString("value")))
                .list();
        return known;
    }

    void rememberAttribute(Tx tx, String identity, String name, String value, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO braze_attributes_sent (identity, name, value, sent_at) VALUES (:i, :n, :v, :now)
                ON CONFLICT (identity, name) DO UPDATE SET value = excluded.value, sent_at = excluded.sent_at""")
                .bind("i", identity).bind("n", name).bind("v", value).bind("now", now.toEpochMilli()).execute();
    }

    /** Forgets every value remembered for {@code identity}. */
    void forgetAttributes(Tx tx, String identity) {
        tx.handle().createUpdate("DELETE FROM braze_attributes_sent WHERE identity = :i").bind("i", identity).execute();
    }
}
