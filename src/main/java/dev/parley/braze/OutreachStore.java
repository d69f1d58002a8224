package dev.parley.braze;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;

/** SQL for the {@code outreaches} table: which conversation each Braze outreach opened. */
public final class OutreachStore {

    /**
     * Claims {@code outreachId} for a new conversation; false when an earlier call holds it (on
     * PostgreSQL a concurrent claim waits for the other transaction to finish).
     */
    boolean claim(Tx tx, String outreachId, String botId, String widgetId, Instant now) {
        return tx.handle().createUpdate("""
                INSERT INTO outreaches (outreach_id, bot_id, widget_id, created_at)
                VALUES (:id, :bot, :widget, :at) ON CONFLICT (outreach_id) DO NOTHING""")
                .bind("id", outreachId).bind("bot", botId).bind("widget", widgetId).bind("at", now.toEpochMilli())
                .execute() == 1;
    }

    void opened(Tx tx, String outreachId, String conversationId, String contactId) {
        tx.handle().createUpdate("""
                UPDATE outreaches SET conversation_id = :conv, contact_id = :contact WHERE outreach_id = :id""")
                .bind("id", outreachId).bind("conv", conversationId).bind("contact", contactId).execute();
    }

    /** The conversation an earlier call with {@code outreachId} opened. */
    Optional<String> conversationOf(Tx tx, String outreachId) {
        return tx.handle().createQuery("SELECT conversation_id FROM outreaches WHERE outreach_id = :id")
                .bind("id", outreachId).mapTo(String.class).findFirst();
    }
}
