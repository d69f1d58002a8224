package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code bot_sessions} table. */
final class SessionStore {

    long countActive(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM bot_sessions WHERE status = 'active'").mapTo(Long.class).one();
    }

    void insert(Tx tx, Session s) {
        tx.handle().createUpdate("""
                INSERT INTO bot_sessions (cid, bot_id, conversation_id, status, context, started_at)
                VALUES (:cid, :bot, :conv, 'active', :ctx, :at)""")
                .bind("cid", s.cid()).bind("bot", s.botId()).bind("conv", s.conversationId())
                .bind("ctx", Json.write(s.context())).bind("at", s.startedAt().toEpochMilli()).execute();
    }

    Optional<Session> find(Handle h, String cid) {
        return h.createQuery("SELECT * FROM bot_sessions WHERE cid = :cid").bind("cid", cid)
                .map((rs, ctx) -> new Session(rs.getString("cid"), rs.getString("bot_id"),
                        rs.getString("conversation_id"), "active".equals(rs.getString("status")),
                        Json.parseStoredObject(rs.getString("context")),
                        Instant.ofEpochMilli(rs.getLong("started_at"))))
                .findOne();
    }

    void replaceContext(Tx tx, String cid, ObjectNode context) {
        tx.handle().createUpdate("UPDATE bot_sessions SET context = :ctx WHERE cid = :cid")
                .bind("ctx", Json.write(context)).bind("cid", cid).execute();
    }

    /** Ends the session; false when it had already ended. */
    boolean end(Tx tx, String cid, String reason, Instant at) {
        return tx.handle().createUpdate("""
                UPDATE bot_sessions SET status = 'ended', ended_at = :at, end_reason = :reason
                WHERE cid = :cid AND status = 'active'""")
                .bind("at", at.toEpochMilli()).bind("reason", reason).bind("cid", cid).execute() == 1;
    }
}
