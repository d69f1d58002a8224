package dev.parley.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web page events of a contact (flows spec §4.5): a page tag is kept on the contact as the latest
 * value per tag name with its time ({@code contact.page_tags.<name> = {"properties", "at"}}), and
 * every tag or page view becomes a timeline item that operators see and the contact does not (a tag the
 * conversation already shows with the same properties is not repeated). The
 * {@link PageTagHook} learns of every tag in the same transaction.
 */
public final class PageTagService {
    /** A contact keeps at most this many tag names; a new one beyond it replaces the oldest. */
    public static final int MAX_TAGS = 100;
    /**
     * How many of a conversation's latest tags are looked at for the same tag: a page shown again (a reload,
     * the next page with the same tags) tags again, and the timeline shows it once.
     */
    private static final int RECENT_TAGS = 20;
    /** Largest serialized {@code properties} object of one tag. */
    public static final int MAX_PROPERTIES_CHARS = 4096;

    private final Database db;
    private final Clock clock;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final PageTagHook hook;

    public PageTagService(Database db, Clock clock, ContactStore contacts, ConversationStore conversations,
            TimelineStore timeline, PageTagHook hook) {
        this.db = db;
        this.clock = clock;
        this.contacts = contacts;
        this.conversations = conversations;
        this.timeline = timeline;
        this.hook = hook;
    }

    /**
     * Refuses a tag name or properties the contact cannot keep; {@code field} and {@code propertiesField}
     * name them in the error. Names follow {@link PageTagName}.
     */
    public static void check(String tag, Optional<ObjectNode> properties, String field, String propertiesField) {
        if (!PageTagName.valid(tag)) {
            throw ClientError.badRequest("invalid_field", field + " '" + shorten(tag) + "' is not a tag name: use "
                    + PageTagName.RULE, field);
        }
        int size = properties.map(p -> Json.write(p).length()).orElse(0);
        if (size > MAX_PROPERTIES_CHARS) {
            throw ClientError.badRequest("invalid_field", "the properties of tag '" + tag + "' have " + size
                    + " characters as JSON; at most " + MAX_PROPERTIES_CHARS + " are kept", propertiesField);
        }
    }

    /** The contact's page tags with {@code tags} (name → properties) set as of {@code at}. */
    static ObjectNode merged(ObjectNode existing, Map<String, ObjectNode> tags, Instant at) {
        ObjectNode out = existing.deepCopy();
        tags.forEach((name, properties) -> {
            out.remove(name);
            ObjectNode entry = out.putObject(name);
            entry.set("properties", properties.deepCopy());
            entry.put("at", at.toString());
        });
        if (out.size() > MAX_TAGS) {
            List<Map.Entry<String, JsonNode>> byAge = new ArrayList<>(out.properties());
            byAge.sort(Comparator.comparing(e -> e.getValue().path("at").asText()));
            byAge.subList(0, out.size() - MAX_TAGS).forEach(e -> out.remove(e.getKey()));
        }
        return out;
    }

    /** The contact tags the page they are on, in one of their conversations. */
    public TimelineItem tag(Contact contact, String conversationId, String tag, Optional<ObjectNode> properties) {
        check(tag, properties, "tag", "properties");
        ObjectNode props = properties.orElseGet(Json::object);
        return db.write(tx -> {
            Conversation conv = owned(tx, contact, conversationId);
            Instant now = clock.instant();
            Contact current = contacts.find(tx.handle(), contact.id()).orElseThrow();
            contacts.update(tx, current.withPageTags(merged(current.pageTags(), Map.of(tag, props), now)));
            hook.tagged(tx, conv, current, Map.of(tag, props), now);
            Optional<TimelineItem> same = timeline.latest(tx.handle(), conv.id(), "page_tag", RECENT_TAGS).stream()
                    .filter(item -> item.packet() instanceof StatePacket.PageTag t && t.tag().equals(tag)).findFirst()
                    .filter(item -> item.packet() instanceof StatePacket.PageTag t && t.properties().equals(props));
            return same.orElseGet(() -> timeline.append(tx, conv.id(), Author.contact(contact.id(), current.name()),
                    new StatePacket.PageTag(tag, props), false, Optional.empty()));
        });
    }

    /** The contact opened a page ({@code url} is an absolute http(s) URL, checked by the caller). */
    public TimelineItem view(Contact contact, String conversationId, String url) {
        return db.write(tx -> {
            Conversation conv = owned(tx, contact, conversationId);
            return timeline.append(tx, conv.id(), Author.contact(contact.id(), contact.name()),
                    new StatePacket.PageView(url), false, Optional.empty());
        });
    }

    private Conversation owned(Tx tx, Contact contact, String conversationId) {
        return conversations.lock(tx, conversationId)
                .filter(c -> c.contactId().equals(contact.id()))
                .orElseThrow(() -> ClientError.notFound("conversation", conversationId));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
