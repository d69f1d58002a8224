package dev.parley.conversation;

import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The ordered timeline of every conversation. {@link #append} takes the next {@code seq} by updating
 * the conversation row, which also makes writers of one conversation wait for each other.
 */
public final class TimelineStore {
    private final Clock clock;
    private final Ids ids;
    private final LiveHub hub;
    private final AppendListener listener;

    /**
     * What else happens, in the same transaction, when an item is appended: items of conversations on a
     * messaging channel are queued to be sent there. {@code channelType} is the conversation's
     * ({@code contact_channel.type}).
     */
    @FunctionalInterface
    public interface AppendListener {
        void appended(Tx tx, String channelType, TimelineItem item);
    }

    public TimelineStore(Clock clock, Ids ids, LiveHub hub) {
        this(clock, ids, hub, (tx, channelType, item) -> { });
    }

    public TimelineStore(Clock clock, Ids ids, LiveHub hub, AppendListener listener) {
        this.clock = clock;
        this.ids = ids;
        this.hub = hub;
        this.listener = listener;
    }

    /** Appends a packet; the item is pushed to live listeners once the transaction commits. */
    public TimelineItem append(Tx tx, String conversationId, Author author, Packet packet, boolean visibleToContact,
            Optional<String> clientId) {
        Instant now = clock.instant();
        String id = ids.next("msg");
        Map<String, Object> row = switch (tx.dialect()) {
            // one statement: the next seq is taken and the item inserted in a single round trip
            case POSTGRESQL -> bindItem(tx.handle().createQuery("""
                    WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = :at
                               WHERE id = :conv RETURNING last_seq, channel_type)
                    """ + INSERT + """
                    VALUES (:conv, (SELECT last_seq FROM c), :id, :at, :atype, :aid, :aname, :name, :payload,
                      :visible, :client)
                    RETURNING seq AS last_seq, (SELECT channel_type FROM c) AS channel_type"""),
                    conversationId, id, now, author, packet, visibleToContact, clientId)
                    .mapToMap().one();
            case SQLITE -> {
                Map<String, Object> next = tx.handle().createQuery("""
                        UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = :now
                        WHERE id = :id RETURNING last_seq, channel_type""")
                        .bind("now", now.toEpochMilli()).bind("id", conversationId)
                        .mapToMap().one();
                bindItem(tx.handle().createUpdate(INSERT + """
                        VALUES (:conv, :seq, :id, :at, :atype, :aid, :aname, :name, :payload, :visible, :client)"""),
                        conversationId, id, now, author, packet, visibleToContact, clientId)
                        .bind("seq", ((Number) next.get("last_seq")).longValue()).execute();
                yield next;
            }
        };
        long seq = ((Number) row.get("last_seq")).longValue();
        TimelineItem item = new TimelineItem(conversationId, seq, id, now, author, packet, visibleToContact);
        listener.appended(tx, String.valueOf(row.get("channel_type")), item);
        tx.afterCommit(() -> hub.publish(item));
        tx.afterCommit(() -> Meters.timelineItem(String.valueOf(row.get("channel_type")), author.type().wire(),
                packet.event()));
        return item;
    }

    private static final String INSERT = """
            INSERT INTO timeline (conversation_id, seq, id, at, author_type, author_id, author_name, packet_name,
              payload, visible_to_contact, client_id)
            """;

    private static <S extends SqlStatement<S>> S bindItem(S statement, String conversationId, String id, Instant at,
            Author author, Packet packet, boolean visibleToContact, Optional<String> clientId) {
        return statement.bind("conv", conversationId).bind("id", id).bind("at", at.toEpochMilli())
                .bind("atype", author.type().wire()).bind("aid", author.id().orElse(null))
                .bind("aname", author.name().orElse(null)).bind("name", packet.event())
                .bind("payload", Json.write(PacketCodec.payload(packet))).bind("visible", visibleToContact ? 1 : 0)
                .bind("client", clientId.orElse(null));
    }

    public Optional<TimelineItem> byId(Handle h, String conversationId, String id) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c AND id = :id")
                .bind("c", conversationId).bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<TimelineItem> atSeq(Handle h, String conversationId, long seq) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c AND seq = :s")
                .bind("c", conversationId).bind("s", seq).map((rs, ctx) -> map(rs)).findOne();
    }

    /** The newest item, or the newest the contact sees when {@code contactView}, if any. */
    Optional<TimelineItem> newest(Handle h, String conversationId, boolean contactView) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c"
                        + (contactView ? " AND visible_to_contact = 1" : "") + " ORDER BY seq DESC LIMIT 1")
                .bind("c", conversationId).map((rs, ctx) -> map(rs)).findOne();
    }

    /** The newest item the contact sees that a person or bot wrote (no system line), if any. */
    public Optional<TimelineItem> lastVisible(Handle h, String conversationId) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c AND visible_to_contact = 1"
                        + " AND author_type <> 'system' ORDER BY seq DESC LIMIT 1")
                .bind("c", conversationId).map((rs, ctx) -> map(rs)).findOne();
    }

    /** The latest {@code limit} items named {@code packetName}, newest first. */
    List<TimelineItem> latest(Handle h, String conversationId, String packetName, int limit) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c AND packet_name = :p"
                        + " ORDER BY seq DESC LIMIT :n")
                .bind("c", conversationId).bind("p", packetName).bind("n", limit)
                .map((rs, ctx) -> map(rs)).list();
    }

    /** Items after {@code seq}, oldest first; only what the contact sees when {@code contactView}. */
    public List<TimelineItem> after(Handle h, String conversationId, long seq, int limit, boolean contactView) {
        return h.createQuery("SELECT * FROM timeline WHERE conversation_id = :c AND seq > :s"
                        + (contactView ? " AND visible_to_contact = 1" : "") + " ORDER BY seq LIMIT :n")
                .bind("c", conversationId).bind("s", seq).bind("n", limit)
                .map((rs, ctx) -> map(rs)).list();
    }

    private static TimelineItem map(ResultSet rs) throws SQLException {
        Author author = new Author(Author.Type.fromWire(rs.getString("author_type")),
                Optional.ofNullable(rs.getString("author_id")), Optional.ofNullable(rs.getString("author_name")));
        Packet packet = PacketCodec.read(rs.getString("packet_name"), Json.parseStoredObject(rs.getString("payload")));
        return new TimelineItem(rs.getString("conversation_id"), rs.getLong("seq"), rs.getString("id"),
                Instant.ofEpochMilli(rs.getLong("at")), author, packet, rs.getInt("visible_to_contact") == 1);
    }
}
