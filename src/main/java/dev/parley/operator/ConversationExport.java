package dev.parley.operator;

import dev.parley.config.Role;
import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversations a list filter selects, as CSV for a spreadsheet (RFC 4180, newest first, at most
 * {@link #MAX_ROWS}); only admins export. A cell that a spreadsheet would run as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) is written with a leading {@code '}, so it stays text.
 */
public final class ConversationExport {
    public static final int MAX_ROWS = 50_000;
    private static final List<String> HEADER = List.of("id", "created_at", "last_activity_at", "status", "channel",
            "widget", "group", "assignee_type", "assignee", "contact_id", "contact_name", "contact_email", "messages");

    private final Database db;

    public ConversationExport(Database db) {
        this.db = db;
    }

    /** The CSV text of the conversations {@code filter} selects (its limit and cursor apply). */
    public String csv(Operator me, ConversationQueries.Filter filter) {
        if (me.role() != Role.ADMIN) {
            throw new ClientError(ClientError.Kind.FORBIDDEN, "forbidden", "only admins export conversations",
                    Optional.empty(), Optional.empty());
        }
        ConversationFilterSql where = new ConversationFilterSql(me, filter, db.dialect());
        String sql = """
                SELECT c.id, c.created_at, c.last_activity_at, c.status, c.channel_type, c.widget_id, c.group_id,
                  c.assignee_type, c.assignee_id, k.id AS contact_id, k.name, k.email,
                  (SELECT COUNT(*) FROM timeline t WHERE t.conversation_id = c.id AND t.packet_name = 'message')
                    AS messages
                FROM conversations c JOIN contacts k ON k.id = c.contact_id""" + where.where()
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit";
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        db.read(h -> {
            where.bind(h.createQuery(sql)).bind("limit", Math.min(filter.limit(), MAX_ROWS))
                    .map((rs, ctx) -> cells(rs)).forEach(cells -> row(out, cells));
            return out;
        });
        return out.toString();
    }

    private static List<String> cells(ResultSet rs) throws SQLException {
        return List.of(rs.getString("id"), time(rs.getLong("created_at")), time(rs.getLong("last_activity_at")),
                rs.getString("status"), rs.getString("channel_type"), rs.getString("widget_id"),
                rs.getString("group_id"), text(rs.getString("assignee_type")), text(rs.getString("assignee_id")),
                rs.getString("contact_id"), text(rs.getString("name")), text(rs.getString("email")),
                Long.toString(rs.getLong("messages")));
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String text(String nullable) {
        return nullable == null ? "" : nullable;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One CSV cell: quoted when it holds a comma, quote or line break; a would-be formula kept as text. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
