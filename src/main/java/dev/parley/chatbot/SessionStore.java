package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.campaign.CampaignStore;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return h.createQuery("SELECT " + COLUMNS + " FROM bot_sessions s WHERE cid = :cid").bind("cid", cid)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    /** A session with its conversation, the conversation's contact and the contact's campaign subscription. */
    record InConversation(Session session, Conversation conversation, Contact contact, Optional<Boolean> subscribed) {}

    /** The session, its conversation, the conversation's contact and their subscription, read in one statement. */
    Optional<InConversation> findInConversation(Handle h, String cid) {
        return h.createQuery("SELECT " + COLUMNS + ", " + ConversationStore.WITH_CONTACT_COLUMNS + ", "
                        + CampaignStore.subscribedColumn("c") + " AS campaigns__subscribed FROM bot_sessions s "
                        + ConversationStore.joinWithContact("s.conversation_id") + " WHERE s.cid = :cid")
                .bind("cid", cid).map((rs, ctx) -> {
                    ConversationStore.WithContact found = ConversationStore.withContact(rs);
                    return new InConversation(map(rs), found.conversation(), found.contact(),
                            CampaignStore.subscribed(rs, "campaigns__subscribed"));
                }).findOne();
    }

    /** A session's columns, named apart from a conversation's (which has a {@code status} too). */
    private static final String COLUMNS = """
            s.cid AS session__cid, s.bot_id AS session__bot_id, s.conversation_id AS session__conversation_id,
            s.status AS session__status, s.context AS session__context, s.started_at AS session__started_at""";

    private static Session map(ResultSet rs) throws SQLException {
        return new Session(rs.getString("session__cid"), rs.getString("session__bot_id"),
                rs.getString("session__conversation_id"), "active".equals(rs.getString("session__status")),
                Json.parseStoredObject(rs.getString("session__context")),
                Instant.ofEpochMilli(rs.getLong("session__started_at")));
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
