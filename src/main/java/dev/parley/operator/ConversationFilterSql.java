package dev.parley.operator;

import dev.parley.config.Role;
import dev.parley.conversation.ConversationStatus;
import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import dev.parley.store.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The conditions of a conversation {@link ConversationQueries.Filter} on {@code conversations c JOIN contacts k},
 * with who may see what ({@link ConversationAccess#visible}: agents never see conversations a bot has), so the
 * list and the CSV export select the same conversations.
 */
final class ConversationFilterSql {
    private final StringBuilder sql = new StringBuilder(" WHERE (c.test = 0 OR c.assignee_type = 'operator')");
    private final List<Object[]> binds = new ArrayList<>();

    ConversationFilterSql(Operator me, ConversationQueries.Filter f, Dialect dialect) {
        f.status().ifPresent(s -> add(" AND c.status = :status", "status", s.wire()));
        if (f.status().isPresent() && !ConversationAccess.visible(me, f.status().get())) {
            throw new ClientError(ClientError.Kind.FORBIDDEN, "forbidden",
                    "only admins see conversations while a bot has them", Optional.of("status"), Optional.empty());
        }
        if (!ConversationAccess.visible(me, ConversationStatus.BOT)) {
            sql.append(" AND c.status <> 'bot'");
        }
        f.assignee().ifPresent(a -> add(" AND c.assignee_id = :assignee", "assignee", a.equals("me") ? me.id() : a));
        f.channel().ifPresent(ch -> add(" AND c.channel_type = :channel", "channel", ch));
        f.from().ifPresent(t -> add(" AND c.created_at >= :from", "from", t.toEpochMilli()));
        f.to().ifPresent(t -> add(" AND c.created_at < :to", "to", t.toEpochMilli()));
        f.q().ifPresent(q -> add(" AND (LOWER(COALESCE(k.name, '')) LIKE :q ESCAPE '!'"
                + " OR LOWER(COALESCE(k.email, '')) LIKE :q ESCAPE '!' OR c.id = :qid)", "q", contains(q)));
        f.q().ifPresent(q -> binds.add(new Object[] {"qid", q}));
        f.text().ifPresent(text -> add(" AND EXISTS (SELECT 1 FROM timeline t WHERE t.conversation_id = c.id AND "
                + bodyMatches(dialect) + ")", "text", contains(text)));
    }

    /** Whether the text written in timeline item {@code t} (a message's or note's body) is like {@code :text}. */
    static String bodyMatches(Dialect dialect) {
        String body = switch (dialect) {
            case SQLITE -> "json_extract(t.payload, '$.body')";
            case POSTGRESQL -> "(t.payload::jsonb ->> 'body')";
        };
        return "LOWER(COALESCE(" + body + ", '')) LIKE :text ESCAPE '!'";
    }

    /** A LIKE pattern for values containing {@code text}, any case; {@code %}, {@code _} and {@code !} are literal. */
    static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    String where() {
        return sql.toString();
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        binds.forEach(b -> statement.bind((String) b[0], b[1]));
        return statement;
    }

    /** Adds a condition after the filter's own (a cursor), with the values it names. */
    void and(String clause, Map<String, Object> values) {
        sql.append(clause);
        values.forEach((name, value) -> binds.add(new Object[] {name, value}));
    }

    private void add(String clause, String name, Object value) {
        sql.append(clause);
        binds.add(new Object[] {name, value});
    }
}
