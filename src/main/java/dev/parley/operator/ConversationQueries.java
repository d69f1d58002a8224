package dev.parley.operator;

import dev.parley.campaign.Campaigns;
import dev.parley.conversation.NoteStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * List filters; all optional. {@code q} matches the contact's name or e-mail or the conversation id, {@code text}
     * what was written (messages and notes); {@code from} and {@code to} bound the creation time (from inclusive,
     * to exclusive).
     */
    public record Filter(Optional<ConversationStatus> status, Optional<String> assignee, Optional<String> q,
            Optional<String> text, Optional<String> channel, Optional<Instant> from, Optional<Instant> to,
            Optional<String> cursor, int limit) {}

    public ObjectNode list(Operator me, Filter f) {
        ConversationFilterSql where = new ConversationFilterSql(me, f, db.dialect());
        f.cursor().map(ConversationQueries::decode).ifPresent(c -> where.and(
                " AND (c.created_at < :cat OR (c.created_at = :cat AND c.id < :cid))",
                Map.of("cat", c.createdAt(), "cid", c.id())));
        String sql = "SELECT c.id, c.created_at FROM conversations c JOIN contacts k ON k.id = c.contact_id"
                + where.where() + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit";
        return db.read(h -> {
            Query query = where.bind(h.createQuery(sql)).bind("limit", f.limit() + 1);
            List<String> ids = query.map((rs, ctx) -> rs.getString("id")).list();
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            ids.stream().limit(f.limit()).forEach(id -> {
                Conversation c = conversations.find(h, id).orElseThrow();
                ObjectNode item = summary(h, c, contacts.find(h, c.contactId()).orElseThrow())
                        .put("unread", ReadMarks.unread(h, me.id(), c.id()));
                f.text().ifPresent(text -> item.set("match",
                        TextMatches.latest(h, db.dialect(), timeline, c.id(), text)));
                items.add(item);
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
