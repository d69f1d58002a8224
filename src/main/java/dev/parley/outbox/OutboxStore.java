package dev.parley.outbox;

import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code outbox} and {@code outbox_dead} tables. */
final class OutboxStore {

    /** Queues an entry; sent with the commit of {@code tx} when nothing follows it. */
    void insert(Tx tx, String lane, String kind, String eventId, String payload, Instant now, Instant due) {
        tx.writeDeferred("""
                INSERT INTO outbox (lane, kind, event_id, payload, attempts, next_attempt_at, created_at)
                VALUES (:lane, :kind, :event, :payload, 0, :due, :now)""",
                Map.of("lane", lane, "kind", kind, "event", eventId, "payload", payload,
                        "now", now.toEpochMilli(), "due", due.toEpochMilli()));
    }

    /** The first two entries of a lane: the one to deliver, and whether another waits behind it. */
    List<OutboxEntry> head(Handle h, String lane) {
        return h.createQuery("SELECT * FROM outbox WHERE lane = :lane ORDER BY id LIMIT 2")
                .bind("lane", lane)
                .map((rs, ctx) -> new OutboxEntry(rs.getLong("id"), rs.getString("lane"), rs.getString("kind"),
                        rs.getString("event_id"), Json.parseStoredObject(rs.getString("payload")),
                        rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    /** Removes a delivered entry; false when it was already gone. */
    boolean delete(Tx tx, long id) {
        return tx.handle().createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", id).execute() == 1;
    }

    boolean exists(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    void updatePayload(Tx tx, long id, String payload) {
        tx.handle().createUpdate("UPDATE outbox SET payload = :payload WHERE id = :id")
                .bind("payload", payload).bind("id", id).execute();
    }

    void reschedule(Tx tx, long id, int attempts, Instant next, String error) {
        tx.handle().createUpdate("""
                UPDATE outbox SET attempts = :a, next_attempt_at = :next, last_error = :err WHERE id = :id""")
                .bind("a", attempts).bind("next", next.toEpochMilli()).bind("err", error).bind("id", id).execute();
    }

    void bury(Tx tx, OutboxEntry e, String error, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO outbox_dead (id, lane, kind, event_id, payload, attempts, created_at, failed_at, last_error)
                VALUES (:id, :lane, :kind, :event, :payload, :attempts, :created, :now, :err)""")
                .bind("id", e.id()).bind("lane", e.lane()).bind("kind", e.kind()).bind("event", e.eventId())
                .bind("payload", Json.write(e.payload())).bind("attempts", e.attempts() + 1)
                .bind("created", e.createdAt().toEpochMilli()).bind("now", now.toEpochMilli()).bind("err", error)
                .execute();
        delete(tx, e.id());
    }

    /** Lanes with a due entry that no node holds a lease on (by this node's clock: it only saves claims). */
    List<String> dueLanes(Handle h, Instant now, int limit) {
        return h.createQuery("""
                SELECT DISTINCT lane FROM outbox o WHERE next_attempt_at <= :now AND NOT EXISTS
                (SELECT 1 FROM outbox_leases l WHERE l.lane = o.lane AND l.expires_at > :now) LIMIT :n""")
                .bind("now", now.toEpochMilli()).bind("n", limit).mapTo(String.class).list();
    }

    Map<String, Backlog> backlog(Handle h) {
        return h.createQuery("SELECT kind, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox GROUP BY kind")
                .reduceRows(new java.util.HashMap<String, Backlog>(), (map, row) -> {
                    map.put(row.getColumn("kind", String.class), new Backlog(row.getColumn("n", Long.class),
                            Optional.of(Instant.ofEpochMilli(row.getColumn("oldest", Long.class)))));
                    return map;
                });
    }

    Map<String, Long> deadLetters(Handle h) {
        return h.createQuery("SELECT kind, COUNT(*) AS n FROM outbox_dead GROUP BY kind")
                .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("kind", String.class), row.getColumn("n", Long.class));
                    return map;
                });
    }

    long depth(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one();
    }
}
