package dev.parley.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.media.MediaService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Everything Parley holds about one contact, as one JSON document: the contact, the widgets that
 * handed it tokens (never the tokens), its notes, every conversation with its timeline, bot sessions
 * (with the flow's variables) and notes, Braze objects not sent yet, and every file its conversations
 * link to, with the bytes in base64. Delivery-log bodies are copies of timeline items and are left out:
 * they also carry the bots' own headers.
 */
final class ContactExport {
    /** Columns holding JSON text, exported as JSON. */
    private static final Set<String> JSON_COLUMNS = Set.of("custom_fields", "campaigns", "page_tags", "topics",
            "payload", "context", "object");
    /** Columns holding epoch milliseconds, exported as ISO-8601 instants. */
    private static final Set<String> TIME_COLUMNS = Set.of("created_at", "last_activity_at", "at", "started_at",
            "ended_at", "erased_at", "updated_at");

    private final MediaService media;

    ContactExport(MediaService media) {
        this.media = media;
    }

    Optional<ObjectNode> export(Handle h, String contactId, Instant now) {
        List<Map<String, Object>> found = h.createQuery("""
                SELECT id, name, email, mobile_number, external_customer_id, locale, custom_fields, campaigns, page_tags,
                  created_at, erased_at FROM contacts WHERE id = :id""").bind("id", contactId).mapToMap().list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = Json.object().put("format", "parley-contact-export/1").put("exported_at", now.toString());
        out.set("contact", row(found.get(0)));
        out.set("widget_tokens", rows(h.createQuery(
                "SELECT widget_id, created_at FROM contact_tokens WHERE contact_id = :id ORDER BY created_at")
                .bind("id", contactId).mapToMap().list()));
        out.set("notes", rows(h.createQuery("""
                SELECT id, author_type, author_id, body, created_at FROM notes WHERE contact_id = :id
                ORDER BY created_at""").bind("id", contactId).mapToMap().list()));
        out.set("campaign_subscriptions", rows(h.createQuery("""
                SELECT channel, subscribed, source, updated_at FROM campaign_subscriptions WHERE contact_id = :id
                ORDER BY channel""").bind("id", contactId).mapToMap().list()));
        ArrayNode conversations = out.putArray("conversations");
        Set<String> linked = new LinkedHashSet<>();
        List<Map<String, Object>> convs = h.createQuery("""
                SELECT id, widget_id, group_id, channel_type, status, subject, topics, locale, custom_fields, page_url,
                  approach_mode, created_at, last_activity_at, erased_at
                FROM conversations WHERE contact_id = :id ORDER BY created_at, id""").bind("id", contactId)
                .mapToMap().list();
        for (Map<String, Object> conv : convs) {
            conversations.add(conversation(h, conv, linked));
        }
        out.set("braze_pending", rows(h.createQuery("""
                SELECT kind, body AS object, created_at FROM braze_objects
                WHERE request_id IS NULL AND conversation_id IN (SELECT id FROM conversations WHERE contact_id = :id)
                ORDER BY seq""").bind("id", contactId).mapToMap().list()));
        ArrayNode files = out.putArray("media");
        linked.forEach(id -> media.stored(h, id).ifPresent(file -> files.add(file(file))));
        return Optional.of(out);
    }

    private ObjectNode conversation(Handle h, Map<String, Object> conv, Set<String> linked) {
        String id = (String) conv.get("id");
        ObjectNode n = row(conv);
        List<Map<String, Object>> timeline = h.createQuery("""
                SELECT seq, id, at, author_type, author_id, author_name, packet_name, payload, visible_to_contact
                FROM timeline WHERE conversation_id = :c ORDER BY seq""").bind("c", id).mapToMap().list();
        timeline.forEach(item -> linked.addAll(media.linkedIds(String.valueOf(item.get("payload")))));
        n.set("timeline", rows(timeline));
        n.set("bot_sessions", rows(h.createQuery("""
                SELECT cid, bot_id, status, context, started_at, ended_at, end_reason FROM bot_sessions
                WHERE conversation_id = :c ORDER BY started_at""").bind("c", id).mapToMap().list()));
        n.set("notes", rows(h.createQuery("""
                SELECT id, author_type, author_id, body, created_at FROM notes WHERE conversation_id = :c
                ORDER BY created_at""").bind("c", id).mapToMap().list()));
        return n;
    }

    private static ObjectNode file(MediaService.Download file) {
        ObjectNode n = Json.object().put("url", file.media().url()).put("filename", file.media().filename())
                .put("mime_type", file.media().mimeType()).put("size", file.media().size());
        try (InputStream in = file.open()) {
            n.put("content_base64", Base64.getEncoder().encodeToString(in.readAllBytes()));
        } catch (IOException e) {
            n.putNull("content_base64").put("error", "the stored bytes cannot be read");
        }
        return n;
    }

    private static ArrayNode rows(List<Map<String, Object>> rows) {
        ArrayNode list = Json.array();
        rows.forEach(r -> list.add(row(r)));
        return list;
    }

    private static ObjectNode row(Map<String, Object> row) {
        ObjectNode n = Json.object();
        row.forEach((column, value) -> {
            if (value == null) {
                n.putNull(column);
            } else if (JSON_COLUMNS.contains(column)) {
                n.set(column, Json.parseStored(value.toString()));
            } else if (TIME_COLUMNS.contains(column)) {
                n.put(column, Instant.ofEpochMilli(((Number) value).longValue()).toString());
            } else {
                n.set(column, Json.MAPPER.valueToTree(value));
            }
        });
        return n;
    }
}
