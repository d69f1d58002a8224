package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BrazeRetargeting;
import dev.parley.conversation.Contact;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How Parley names a contact in Braze, and the aliases it gave anonymous contacts ({@code braze_aliases}).
 * A contact named by its alias gets a row; once the same contact is named by an external customer id,
 * the row records it, and the sender merges the alias-only user into the {@code external_id} user with
 * {@code /users/identify} after everything tracked under the alias has been sent.
 */
final class BrazeAliases {
    /** Braze takes up to 50 aliases per {@code /users/identify}. */
    static final int IDENTIFY_BATCH = 50;

    private final Clock clock;

    BrazeAliases(Clock clock) {
        this.clock = clock;
    }

    /** An alias to merge into the user with {@code externalId}. */
    record Merge(String contactId, String externalId) {}

    /** The fields naming {@code contact} by the first of {@code identifyBy} it has, its alias bookkeeping done in {@code tx}. */
    Optional<ObjectNode> name(Tx tx, Contact contact, List<BrazeRetargeting.IdentifyBy> identifyBy) {
        Optional<ObjectNode> fields = ContactAttributes.identifier(contact, identifyBy);
        fields.ifPresent(f -> {
            if (f.has("user_alias")) {
                tx.handle().createUpdate("""
                        INSERT INTO braze_aliases (contact_id, created_at) VALUES (:c, :now)
                        ON CONFLICT (contact_id) DO NOTHING""")
                        .bind("c", contact.id()).bind("now", clock.instant().toEpochMilli()).execute();
            }
        });
        contact.externalCustomerId().filter(id -> !id.isBlank()).ifPresent(id -> tx.handle().createUpdate("""
                UPDATE braze_aliases SET identified_as = :x WHERE contact_id = :c AND identified_as IS NULL""")
                .bind("x", id).bind("c", contact.id()).execute());
        return fields;
    }

    /** Aliases to merge whose objects have all left, oldest first. */
    List<Merge> due(Handle h) {
        return h.createQuery("""
                SELECT contact_id, identified_as FROM braze_aliases a
                WHERE identified_as IS NOT NULL AND identified_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM braze_objects o
                                  WHERE o.identity = 'user_alias:parley_contact_id/' || a.contact_id)
                ORDER BY created_at, contact_id LIMIT :n""")
                .bind("n", IDENTIFY_BATCH)
                .map((rs, ctx) -> new Merge(rs.getString("contact_id"), rs.getString("identified_as"))).list();
    }

    void merged(Tx tx, List<Merge> merges, Instant now) {
        tx.handle().createUpdate("UPDATE braze_aliases SET identified_at = :now WHERE contact_id IN (<c>)")
                .bind("now", now.toEpochMilli()).bindList("c", merges.stream().map(Merge::contactId).toList())
                .execute();
    }

    /** The {@code /users/identify} body for {@code merges}. */
    static ObjectNode identifyBody(List<Merge> merges) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("aliases_to_identify");
        merges.forEach(m -> list.addObject().put("external_id", m.externalId()).putObject("user_alias")
                .put("alias_name", m.contactId()).put("alias_label", ContactAttributes.ALIAS_LABEL));
        return body;
    }
}
