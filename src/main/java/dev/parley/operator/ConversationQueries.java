package dev.parley.operator;

import dev.parley.campaign.Campaigns;
import dev.parley.conversation.NoteStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.Role;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** The operator's views of conversations: filtered lists (newest first, by cursor) and one conversation in full. */
public final class ConversationQueries {
    private final Database db;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;
    private final NoteStore notes;

    private final Campaigns campaigns;

    public ConversationQueries(Database db, ConversationStore conversations, ContactStore contacts,
            TimelineStore timeline, NoteStore notes, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.db = db;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notes = notes;
    }

    /** List filters; all optional. {@code from} and {@code to} bound the creation time (from inclusive, to exclusive). */
    public record Filter(Optional<ConversationStatus> status, Optional<String> assignee, Optional<String> q,
            Optional<String> channel, Optional<Instant> from, Optional<Instant> to, Optional<String> cursor,
            int limit) {}

    public ObjectNode list(Operator me, Filter f) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.created_at FROM conversations c JOIN contacts k ON k.id = c.contact_id
                WHERE (c.test = 0 OR c.assignee_type = 'operator')""");
        List<Object[]> binds = new ArrayList<>();
        f.status().ifPresent(s -> add(sql, binds, " AND c.status = :status", "status", s.wire()));
        if (me.role() != Role.ADMIN && f.status().isEmpty()) {
            sql.append(" AND c.status <> 'bot'");
        }
        if (me.role() != Role.ADMIN && f.status().filter(s -> s == ConversationStatus.BOT).isPresent()) {
            throw new ClientError(ClientError.Kind.FORBIDDEN, "forbidden",
                    "only admins see conversations while a bot has them", Optional.of("status"), Optional.empty());
        }
        f.assignee().ifPresent(a -> add(sql, binds, " AND c.assignee_id = :assignee", "assignee",
                a.equals("me") ? me.id() : a));
        f.channel().ifPresent(ch -> add(sql, binds, " AND c.channel_type = :channel", "channel", ch));
        f.from().ifPresent(t -> add(sql, binds, " AND c.created_at >= :from", "from", t.toEpochMilli()));
        f.to().ifPresent(t -> add(sql, binds, " AND c.created_at < :to", "to", t.toEpochMilli()));
        f.q().ifPresent(q -> add(sql, binds, " AND (LOWER(COALESCE(k.name, '')) LIKE :q ESCAPE '!'"
                + " OR LOWER(COALESCE(k.email, '')) LIKE :q ESCAPE '!' OR c.id = :qid)",
                "q", "%" + likeLiteral(q.toLowerCase(Locale.ROOT)) + "%"));
        f.q().ifPresent(q -> binds.add(new Object[] {"qid", q}));
        f.cursor().map(ConversationQueries::decode).ifPresent(c -> {
            sql.append(" AND (c.created_at < :cat OR (c.created_at = :cat AND c.id < :cid))");
            binds.add(new Object[] {"cat", c.createdAt()});
            binds.add(new Object[] {"cid", c.id()});
        });
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
        binds.add(new Object[] {"limit", f.limit() + 1});
        return db.read(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(b -> query.bind((String) b[0], b[1]));
            List<String> ids = query.map((rs, ctx) -> rs.getString("id")).list();
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            ids.stream().limit(f.limit()).forEach(id -> {
                Conversation c = conversations.find(h, id).orElseThrow();
                items.add(summary(h, c, contacts.find(h, c.contactId()).orElseThrow())
                        .put("unread", ReadMarks.unread(h, me.id(), c.id())));
            });
            if (ids.size() > f.limit()) {
                Conversation last = conversations.find(h, ids.get(f.limit() - 1)).orElseThrow();
                out.put("next_cursor", encode(last));
            } else {
                out.putNull("next_cursor");
            }
            return out;
        });
    }

    public ObjectNode detail(Operator me, String id) {
        return db.read(h -> {
            Conversation c = conversations.find(h, id).orElseThrow(() -> ClientError.notFound("conversation", id));
            ConversationAccess.check(me, c, ConversationAccess.Action.VIEW);
            Contact contact = contacts.find(h, c.contactId()).orElseThrow();
            ObjectNode out = summary(h, c, contact);
            out.put("unread", ReadMarks.unread(h, me.id(), c.id()));
            out.put("subject", c.subject().orElse(null));
            out.set("topics", c.topics());
            out.put("locale", c.locale().orElse(null));
            out.set("custom_fields", c.customFields());
            out.set("contact", campaigns.contactJson(h, c, contact));
            ArrayNode noteList = out.putArray("notes");
            notes.of(h, c.id(), contact.id()).forEach(n -> noteList.add(OperatorJson.note(n)));
            ArrayNode items = out.putArray("timeline");
            timeline.after(h, c.id(), 0, 10_000, false).forEach(i -> items.add(i.toJson()));
            return out;
        });
    }

    /** The list entry of one conversation, as the operator stream announces its changes. */
    Optional<Summary> summary(String id) {
        return db.read(h -> conversations.find(h, id).filter(c -> listed(h, c)).map(c -> new Summary(c.status(),
                summary(h, c, contacts.find(h, c.contactId()).orElseThrow()))));
    }

    /** A test chat is listed only once an operator has it, as the list query says. */
    private static boolean listed(org.jdbi.v3.core.Handle h, Conversation c) {
        return c.assignee().filter(a -> a.type() == Conversation.Assignee.Type.OPERATOR).isPresent()
                || h.createQuery("SELECT test FROM conversations WHERE id = :id").bind("id", c.id())
                        .mapTo(Integer.class).one() == 0;
    }

    /** A conversation's list entry and its status, which decides who may see it. */
    record Summary(ConversationStatus status, ObjectNode json) {}

    /** A list entry, with the last item the contact saw (for a preview and how long they have been waiting). */
    private ObjectNode summary(org.jdbi.v3.core.Handle h, Conversation c, Contact contact) {
        ObjectNode n = summary(c, contact);
        timeline.lastVisible(h, c.id()).ifPresentOrElse(item -> n.set("last_item", item.toJson()),
                () -> n.putNull("last_item"));
        return n;
    }

    private static ObjectNode summary(Conversation c, Contact contact) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("status", c.status().wire());
        if (c.assignee().isPresent()) {
            n.putObject("assignee").put("type", c.assignee().get().type().name().toLowerCase(Locale.ROOT))
                    .put("id", c.assignee().get().id());
        } else {
            n.putNull("assignee");
        }
        n.put("group", c.groupId());
        n.put("widget", c.widgetId());
        n.put("channel", c.channelType());
        n.putObject("contact").put("id", contact.id()).put("name", contact.name().orElse(null))
                .put("email", contact.email().orElse(null));
        n.put("created_at", c.createdAt().toString());
        n.put("last_activity_at", c.lastActivityAt().toString());
        n.put("last_seq", c.lastSeq());
        return n;
    }

    /**
     * The search text as a LIKE pattern that matches it literally: {@code %} and {@code _} are not wildcards.
     * The escape character is {@code !}, which both databases and Jdbi's statement parser read the same way.
     */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void add(StringBuilder sql, List<Object[]> binds, String clause, String name, Object value) {
        sql.append(clause);
        binds.add(new Object[] {name, value});
    }

    private record Cursor(long createdAt, String id) {}

    private static String encode(Conversation c) {
        String raw = c.createdAt().toEpochMilli() + ":" + c.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw ClientError.badRequest("invalid_parameter", "cursor is not a cursor this API returned", "cursor");
        }
    }
}
