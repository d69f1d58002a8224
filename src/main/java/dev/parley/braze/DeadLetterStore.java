package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code braze_dead_letters}. */
final class DeadLetterStore {

    void insert(Tx tx, DeadLetter d) {
        tx.handle().createUpdate("""
                INSERT INTO braze_dead_letters (id, request_id, created_at, http_status, message, errors, objects)
                VALUES (:id, :req, :at, :status, :message, :errors, :objects)""")
                .bind("id", d.id()).bind("req", d.requestId()).bind("at", d.createdAt().toEpochMilli())
                .bind("status", d.httpStatus()).bind("message", d.message()).bind("errors", Json.write(d.errors()))
                .bind("objects", Json.write(d.objects())).execute();
    }

    long countOpen(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM braze_dead_letters WHERE resent_at IS NULL").mapTo(Long.class).one();
    }

    /** Dead letters not re-sent yet, oldest first. */
    List<DeadLetter> open(Handle h, int limit) {
        return h.createQuery("SELECT * FROM braze_dead_letters WHERE resent_at IS NULL ORDER BY created_at, id LIMIT :n")
                .bind("n", limit).map((rs, ctx) -> read(rs)).list();
    }

    Optional<DeadLetter> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM braze_dead_letters WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    /** Marks it re-sent; false when it already was (another admin was quicker). */
    boolean markResent(Tx tx, String id, Instant now) {
        return tx.handle().createUpdate("UPDATE braze_dead_letters SET resent_at = :now WHERE id = :id AND resent_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    private static DeadLetter read(ResultSet rs) throws SQLException {
        List<String> errors = new ArrayList<>();
        Json.parseStored(rs.getString("errors")).forEach(e -> errors.add(e.asText()));
        long resent = rs.getLong("resent_at");
        Optional<Instant> resentAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resent));
        ObjectNode objects = Json.parseStoredObject(rs.getString("objects"));
        return new DeadLetter(rs.getString("id"), rs.getString("request_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("http_status"), rs.getString("message"),
                errors, objects, resentAt);
    }
}
