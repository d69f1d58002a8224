package dev.parley.privacy;

import dev.parley.media.MediaService;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Erases what ended conversations hold about their contact, keeping what statistics count: the
 * conversation row (status, channel, group, topics, times) and one timeline row per item (author type,
 * packet name, time) stay, so conversations and messages are still counted. Every table with
 * conversation content is named here: a new one must be added, or erasure and retention miss it.
 */
final class ConversationErasure {
    static final String ERASED_PAYLOAD = "{\"erased\":true}";

    private final MediaService media;

    ConversationErasure(MediaService media) {
        this.media = media;
    }

    /** What an erasure removed. */
    record Erased(int conversations, int items, int media, int deliveries, int queued) {
        static final Erased NONE = new Erased(0, 0, 0, 0, 0);

        Erased plus(Erased o) {
            return new Erased(conversations + o.conversations, items + o.items, media + o.media,
                    deliveries + o.deliveries, queued + o.queued);
        }
    }

    Erased erase(Tx tx, List<String> conversationIds, Instant now) {
        Erased total = Erased.NONE;
        Set<String> linked = new LinkedHashSet<>();
        for (String id : conversationIds) {
            total = total.plus(eraseOne(tx.handle(), id, linked, now));
        }
        int files = 0;
        for (String mediaId : linked) {
            if (!linkedElsewhere(tx.handle(), mediaId)) {
                media.erase(tx, mediaId);
                files++;
            }
        }
        return new Erased(total.conversations(), total.items(), files, total.deliveries(), total.queued());
    }

    private Erased eraseOne(Handle h, String id, Set<String> linkedMedia, Instant now) {
        // first, so that a writer appending to the conversation (which updates this row) waits for the erasure
        h.createUpdate("""
                UPDATE conversations SET subject = NULL, custom_fields = '{}', page_url = NULL, erased_at = :now
                WHERE id = :c""").bind("now", now.toEpochMilli()).bind("c", id).execute();
        h.createQuery("SELECT payload FROM timeline WHERE conversation_id = :c").bind("c", id).mapTo(String.class)
                .forEach(payload -> linkedMedia.addAll(media.linkedIds(payload)));
        int items = h.createUpdate("""
                UPDATE timeline SET payload = :erased, client_id = NULL,
                  author_name = CASE WHEN author_type = 'contact' THEN NULL ELSE author_name END
                WHERE conversation_id = :c""").bind("erased", ERASED_PAYLOAD).bind("c", id).execute();
        List<String> cids = h.createQuery("SELECT cid FROM bot_sessions WHERE conversation_id = :c").bind("c", id)
                .mapTo(String.class).list();
        int deliveries = cids.isEmpty() ? 0 : h.createUpdate("DELETE FROM deliveries WHERE cid IN (<cids>)")
                .bindList("cids", cids).execute();
        h.createUpdate("UPDATE bot_sessions SET context = '{}' WHERE conversation_id = :c").bind("c", id).execute();
        for (String table : List.of("choice_answers", "notes", "dispatches", "braze_page_tags", "choice_tokens",
                "channel_inbound", "channel_outbound", "channel_conversations", "outreach_replies")) {
            h.createUpdate("DELETE FROM " + table + " WHERE conversation_id = :c").bind("c", id).execute();
        }
        h.createUpdate("DELETE FROM braze_objects WHERE conversation_id = :c AND request_id IS NULL").bind("c", id)
                .execute();
        int queued = 0;
        for (String table : List.of("outbox", "outbox_dead")) {
            // lanes are "<kind>:<conversation id>" (webhook:, delay:, addon_dispatch: …)
            queued += h.createUpdate("DELETE FROM " + table
                    + " WHERE length(lane) > :n AND substr(lane, length(lane) - :n + 1) = :suffix")
                    .bind("n", id.length() + 1).bind("suffix", ":" + id).execute();
        }
        return new Erased(1, items, 0, deliveries, queued);
    }

    /** True when a conversation not erased yet still shows the file. */
    private static boolean linkedElsewhere(Handle h, String mediaId) {
        return h.createQuery("SELECT 1 FROM timeline WHERE payload LIKE :p LIMIT 1").bind("p", "%/media/" + mediaId + "%")
                .mapTo(Integer.class).findOne().isPresent();
    }
}
