package dev.parley.privacy;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Erases a contact: every conversation's content ({@link ConversationErasure}), then the contact's
 * own data — name, e-mail address, phone, external id, locale, custom fields, campaigns, page tags,
 * tokens, notes, and what Braze was to be sent or last took for it. The rows of the contact and its
 * conversations stay, empty, so statistics still count them.
 */
final class ContactErasure {

    /** How an erasure ended. */
    sealed interface Outcome {
        record Done(ConversationErasure.Erased erased, int tokens) implements Outcome {}

        record NoSuchContact() implements Outcome {}

        /** Conversations still running: they would write new content while it is erased. */
        record OpenConversations(List<String> ids) implements Outcome {}
    }

    private final ConversationErasure conversations;

    ContactErasure(ConversationErasure conversations) {
        this.conversations = conversations;
    }

    Outcome erase(Tx tx, String contactId, Instant now) {
        Handle h = tx.handle();
        Optional<Map<String, Object>> contact = h.createQuery(
                "SELECT email, mobile_number, external_customer_id FROM contacts WHERE id = :id")
                .bind("id", contactId).mapToMap().findOne();
        if (contact.isEmpty()) {
            return new Outcome.NoSuchContact();
        }
        List<String> open = h.createQuery(
                "SELECT id FROM conversations WHERE contact_id = :id AND status <> 'ended' ORDER BY created_at")
                .bind("id", contactId).mapTo(String.class).list();
        if (!open.isEmpty()) {
            return new Outcome.OpenConversations(open);
        }
        List<String> ids = h.createQuery("SELECT id FROM conversations WHERE contact_id = :id ORDER BY created_at")
                .bind("id", contactId).mapTo(String.class).list();
        ConversationErasure.Erased erased = conversations.erase(tx, ids, now);
        List<String> identities = brazeIdentities(contact.get());
        if (!identities.isEmpty()) {
            h.createUpdate("DELETE FROM braze_objects WHERE request_id IS NULL AND identity IN (<ids>)")
                    .bindList("ids", identities).execute();
            h.createUpdate("DELETE FROM braze_attributes_sent WHERE identity IN (<ids>)")
                    .bindList("ids", identities).execute();
        }
        int tokens = h.createUpdate("DELETE FROM contact_tokens WHERE contact_id = :id").bind("id", contactId)
                .execute();
        h.createUpdate("DELETE FROM notes WHERE contact_id = :id").bind("id", contactId).execute();
        h.createUpdate("DELETE FROM campaign_subscriptions WHERE contact_id = :id").bind("id", contactId).execute();
        // the vendor's user id (a WhatsApp number, a page-scoped id) names the person
        h.createUpdate("DELETE FROM channel_contacts WHERE contact_id = :id").bind("id", contactId).execute();
        h.createUpdate("""
                UPDATE contacts SET name = NULL, email = NULL, mobile_number = NULL, external_customer_id = NULL,
                  locale = NULL, custom_fields = '{}', campaigns = '{}', page_tags = '{}', erased_at = :now
                WHERE id = :id""").bind("now", now.toEpochMilli()).bind("id", contactId).execute();
        return new Outcome.Done(erased, tokens);
    }

    /** How Braze objects name this contact's user (see braze.Identity): external id, e-mail, phone. */
    private static List<String> brazeIdentities(Map<String, Object> contact) {
        List<String> identities = new ArrayList<>();
        Map.of("external_customer_id", "external_id:", "email", "email:", "mobile_number", "phone:")
                .forEach((column, prefix) -> Optional.ofNullable(contact.get(column))
                        .ifPresent(value -> identities.add(prefix + value)));
        return identities;
    }
}
