package dev.parley.operator;

import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * How far each operator has read each conversation. A conversation's unread count for an operator is the
 * number of messages and files the contact sent after the operator's read mark.
 */
public final class ReadMarks {
    private final Database db;
    private final ConversationQueries queries;

    public ReadMarks(Database db, ConversationQueries queries) {
        this.db = db;
        this.queries = queries;
    }

    /**
     * Moves {@code me}'s read mark of a conversation {@code me} may see up to {@code seq} (at most its last
     * item); a lower seq leaves it as it is.
     */
    public void mark(Operator me, String conversationId, long seq) {
        long last = queries.summary(conversationId).filter(s -> ConversationAccess.visible(me, s.status()))
                .orElseThrow(() -> ClientError.notFound("conversation", conversationId)).json().path("last_seq")
                .asLong();
        if (seq > last) {
            throw ClientError.badRequest("invalid_field", "seq must not be beyond the conversation's last item ("
                    + last + "), got " + seq, "seq");
        }
        db.useWrite(tx -> tx.handle().createUpdate("""
                INSERT INTO conversation_reads (operator_id, conversation_id, seq) VALUES (:op, :c, :seq)
                ON CONFLICT (operator_id, conversation_id) DO UPDATE SET seq = CASE
                  WHEN excluded.seq > conversation_reads.seq THEN excluded.seq ELSE conversation_reads.seq END""")
                .bind("op", me.id()).bind("c", conversationId).bind("seq", seq).execute());
    }

    /**
     * The SQL {@code FROM … WHERE …} of the unread items of the conversation {@code conversationId} (an SQL
     * expression) for the operator bound as {@code :op}.
     */
    static String unreadItems(String conversationId) {
        return "FROM timeline t WHERE t.conversation_id = " + conversationId + " AND t.author_type = 'contact'"
                + " AND t.packet_name IN ('message', 'media') AND t.seq > COALESCE((SELECT r.seq"
                + " FROM conversation_reads r WHERE r.operator_id = :op AND r.conversation_id = "
                + conversationId + "), 0)";
    }

    /** How many messages and files of the contact {@code operatorId} has not read yet. */
    static long unread(Handle h, String operatorId, String conversationId) {
        return h.createQuery("SELECT COUNT(*) " + unreadItems(":c")).bind("c", conversationId).bind("op", operatorId)
                .mapTo(Long.class).one();
    }
}
