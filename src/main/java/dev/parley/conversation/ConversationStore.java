package dev.parley.conversation;

import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code conversations} table; committed inserts and updates are announced on the {@link LiveHub}. */
public final class ConversationStore {
    private final LiveHub hub;

    public ConversationStore(LiveHub hub) {
        this.hub = hub;
    }

    public void insert(Tx tx, Conversation c) {
        tx.handle().createUpdate("""
                INSERT INTO conversations (id, contact_id, widget_id, group_id, channel_type, status, assignee_type,
                  assignee_id, session_cid, subject, topics, locale, custom_fields, page_url, approach_mode, last_seq,
                  created_at, last_activity_at)
                VALUES (:id, :contact, :widget, :grp, :channel, :status, :atype, :aid, :cid, :subject, :topics,
                  :locale, :cf, :page, :approach, 0, :created, :created)""")
                .bind("id", c.id()).bind("contact", c.contactId()).bind("widget", c.widgetId())
                .bind("grp", c.groupId()).bind("channel", c.channelType()).bind("status", c.status().wire())
                .bind("atype", c.assignee().map(a -> a.type().name().toLowerCase()).orElse(null))
                .bind("aid", c.assignee().map(Conversation.Assignee::id).orElse(null))
                .bind("cid", c.sessionCid().orElse(null)).bind("subject", c.subject().orElse(null))
                .bind("topics", Json.write(c.topics())).bind("locale", c.locale().orElse(null))
                .bind("cf", Json.write(c.customFields())).bind("page", c.pageUrl().orElse(null))
                .bind("approach", c.approachMode()).bind("created", c.createdAt().toEpochMilli())
                .execute();
        tx.afterCommit(() -> hub.opened(c));
    }

    /** Writes the mutable state (status, assignment, session, subject, topics, locale, custom fields). */
    public void update(Tx tx, Conversation c) {
        tx.handle().createUpdate("""
                UPDATE conversations SET status = :status, group_id = :grp, assignee_type = :atype, assignee_id = :aid,
                  session_cid = :cid, subject = :subject, topics = :topics, locale = :locale, custom_fields = :cf
                WHERE id = :id""")
                .bind("id", c.id()).bind("status", c.status().wire()).bind("grp", c.groupId())
                .bind("atype", c.assignee().map(a -> a.type().name().toLowerCase()).orElse(null))
                .bind("aid", c.assignee().map(Conversation.Assignee::id).orElse(null))
                .bind("cid", c.sessionCid().orElse(null)).bind("subject", c.subject().orElse(null))
                .bind("topics", Json.write(c.topics())).bind("locale", c.locale().orElse(null))
                .bind("cf", Json.write(c.customFields()))
                .execute();
        tx.afterCommit(() -> hub.changed(c.id()));
    }

    /** Reads the conversation while taking its row lock: writers of one conversation go one at a time. */
    public Optional<Conversation> lock(Tx tx, String id) {
        return lockWithRegistration(tx, id).map(Locked::conversation);
    }

    /**
     * A locked conversation, whether it still waits for the contact to register, and the {@code seq} of the item
     * stored earlier with the client id the lock was taken for ({@link #lockForClientWrite}), if any.
     */
    public record Locked(Conversation conversation, boolean awaitingRegistration, Optional<Long> earlierSeq) {}

    public Optional<Locked> lockWithRegistration(Tx tx, String id) {
        return lockForClientWrite(tx, id, Optional.empty());
    }

    /**
     * As {@link #lockWithRegistration}, and in the same statement looks up the item a contact's client stored
     * earlier with {@code clientId} (a retried write), so a write with a client id costs no extra read.
     */
    public Optional<Locked> lockForClientWrite(Tx tx, String id, Optional<String> clientId) {
        return tx.handle().createQuery("""
                SELECT c.*, (SELECT t.seq FROM timeline t WHERE t.conversation_id = c.id AND t.client_id = :client)
                  AS earlier_seq
                FROM conversations c WHERE c.id = :id""" + tx.forUpdate())
                .bind("id", id).bind("client", clientId.orElse(null))
                .map((rs, ctx) -> {
                    long seq = rs.getLong("earlier_seq");
                    Optional<Long> earlier = rs.wasNull() ? Optional.empty() : Optional.of(seq);
                    return new Locked(map(rs), rs.getInt("awaiting_registration") == 1, earlier);
                }).findOne();
    }

    public void setAwaitingRegistration(Tx tx, String id, boolean awaiting) {
        tx.handle().createUpdate("UPDATE conversations SET awaiting_registration = :a WHERE id = :id")
                .bind("a", awaiting ? 1 : 0).bind("id", id).execute();
    }

    /** A conversation and its contact, read in one statement. */
    public record WithContact(Conversation conversation, Contact contact) {}

    /**
     * The select list that reads a conversation ({@code c}) and its contact ({@code ct}) in a query of another
     * table, whose own columns must then be named apart from a conversation's; join them with
     * {@link #joinWithContact} and read them back with {@link #withContact}.
     */
    public static final String WITH_CONTACT_COLUMNS = "c.*, " + ContactStore.columns("ct", "contact__");

    /** Joins the conversation whose id is {@code conversationId} (a column of the query) and its contact. */
    public static String joinWithContact(String conversationId) {
        return "JOIN conversations c ON c.id = " + conversationId + " JOIN contacts ct ON ct.id = c.contact_id";
    }

    /** Reads back what {@link #WITH_CONTACT_COLUMNS} selected. */
    public static WithContact withContact(ResultSet rs) throws SQLException {
        return new WithContact(map(rs), ContactStore.map(rs, "contact__"));
    }

    public Optional<Conversation> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM conversations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    /** The contact's conversations on {@code widgetId} that have not ended, newest first (at most {@code limit}). */
    public List<Conversation> openOn(Handle h, String contactId, String widgetId, int limit) {
        return h.createQuery("""
                SELECT * FROM conversations WHERE contact_id = :contact AND widget_id = :widget AND status <> :ended
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("contact", contactId).bind("widget", widgetId).bind("ended", ConversationStatus.ENDED.wire())
                .bind("limit", limit).map((rs, ctx) -> map(rs)).list();
    }

    /**
     * How many conversations the contact has had on {@code widgetId}, ended ones included: it grows by one with
     * each new conversation, since conversations are never deleted.
     */
    long countOn(Handle h, String contactId, String widgetId) {
        return h.createQuery("SELECT COUNT(*) FROM conversations WHERE contact_id = :contact AND widget_id = :widget")
                .bind("contact", contactId).bind("widget", widgetId).mapTo(Long.class).one();
    }

    private static Conversation map(ResultSet rs) throws SQLException {
        String atype = rs.getString("assignee_type");
        Optional<Conversation.Assignee> assignee = atype == null ? Optional.empty()
                : Optional.of(new Conversation.Assignee(Conversation.Assignee.Type.valueOf(atype.toUpperCase()),
                        rs.getString("assignee_id")));
        return new Conversation(rs.getString("id"), rs.getString("contact_id"), rs.getString("widget_id"),
                rs.getString("group_id"), rs.getString("channel_type"),
                ConversationStatus.fromWire(rs.getString("status")), assignee,
                Optional.ofNullable(rs.getString("session_cid")), Optional.ofNullable(rs.getString("subject")),
                (com.fasterxml.jackson.databind.node.ArrayNode) Json.parseStored(rs.getString("topics")),
                Optional.ofNullable(rs.getString("locale")), Json.parseStoredObject(rs.getString("custom_fields")),
                Optional.ofNullable(rs.getString("page_url")), rs.getString("approach_mode"),
                rs.getLong("last_seq"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("last_activity_at")));
    }
}
