package dev.parley.conversation;

import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the {@code contacts} table and {@code contact_tokens}: the hashes of the tokens handed to browsers, each
 * with the widget that handed it out.
 */
public final class ContactStore {

    public void insert(Tx tx, Contact c) {
        tx.handle().createUpdate("""
                INSERT INTO contacts (id, name, email, mobile_number, external_customer_id, locale,
                  custom_fields, campaigns, page_tags, created_at)
                VALUES (:id, :name, :email, :mobile, :ext, :locale, :cf, :campaigns, :tags, :at)""")
                .bind("id", c.id())
                .bind("name", c.name().orElse(null)).bind("email", c.email().orElse(null))
                .bind("mobile", c.mobileNumber().orElse(null)).bind("ext", c.externalCustomerId().orElse(null))
                .bind("locale", c.locale().orElse(null)).bind("cf", Json.write(c.customFields()))
                .bind("campaigns", Json.write(c.campaigns())).bind("tags", Json.write(c.pageTags()))
                .bind("at", c.createdAt().toEpochMilli())
                .execute();
    }

    public void update(Tx tx, Contact c) {
        tx.handle().createUpdate("""
                UPDATE contacts SET name = :name, email = :email, mobile_number = :mobile,
                  external_customer_id = :ext, locale = :locale, custom_fields = :cf, campaigns = :campaigns,
                  page_tags = :tags WHERE id = :id""")
                .bind("id", c.id())
                .bind("name", c.name().orElse(null)).bind("email", c.email().orElse(null))
                .bind("mobile", c.mobileNumber().orElse(null)).bind("ext", c.externalCustomerId().orElse(null))
                .bind("locale", c.locale().orElse(null)).bind("cf", Json.write(c.customFields()))
                .bind("campaigns", Json.write(c.campaigns())).bind("tags", Json.write(c.pageTags()))
                .execute();
    }

    public Optional<Contact> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM contacts WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    /** The key that find-or-create of a contact by one identifier locks ({@link dev.parley.store.Tx#lock}). */
    public static String identityKey(String identifier, String value) {
        return "contact:" + identifier + ":" + value;
    }

    /** Records a token handed to a browser on {@code widgetId}; the contact's other tokens stay valid. */
    public void addToken(Tx tx, String tokenHash, String contactId, String widgetId, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO contact_tokens (token_hash, contact_id, widget_id, created_at)
                VALUES (:t, :contact, :widget, :at)""")
                .bind("t", tokenHash).bind("contact", contactId).bind("widget", widgetId)
                .bind("at", now.toEpochMilli()).execute();
    }

    public Optional<Contact> findByTokenHash(Handle h, String tokenHash) {
        return h.createQuery("""
                SELECT c.* FROM contact_tokens t JOIN contacts c ON c.id = t.contact_id WHERE t.token_hash = :t""")
                .bind("t", tokenHash).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Whether a browser holds a token of the contact that {@code widgetId} handed out. */
    public boolean hasTokenFrom(Handle h, String contactId, String widgetId) {
        return h.createQuery("""
                SELECT COUNT(*) FROM contact_tokens WHERE contact_id = :contact AND widget_id = :widget""")
                .bind("contact", contactId).bind("widget", widgetId).mapTo(Integer.class).one() > 0;
    }

    /**
     * The contact reached by the first identifier given, in this order: external customer id, e-mail,
     * mobile number (the oldest contact when several match).
     */
    public Optional<Contact> findByIdentity(Handle h, Optional<String> externalCustomerId, Optional<String> email,
            Optional<String> mobileNumber) {
        Optional<Contact> found = externalCustomerId.flatMap(v -> findBy(h, "external_customer_id", v));
        if (found.isEmpty()) {
            found = email.flatMap(v -> findBy(h, "email", v));
        }
        if (found.isEmpty()) {
            found = mobileNumber.flatMap(v -> findBy(h, "mobile_number", v));
        }
        return found;
    }

    private Optional<Contact> findBy(Handle h, String column, String value) {
        return h.createQuery("SELECT * FROM contacts WHERE " + column + " = :v ORDER BY created_at, id LIMIT 1")
                .bind("v", value).map((rs, ctx) -> map(rs)).findFirst();
    }

    private static final List<String> COLUMNS = List.of("id", "name", "email", "mobile_number",
            "external_customer_id", "locale", "custom_fields", "campaigns", "page_tags", "created_at");

    /**
     * The contact's columns of the {@code contacts} row aliased {@code table}, each named with {@code prefix}, for a
     * query that reads a contact beside another table's row ({@link #map(ResultSet, String)} reads them back).
     */
    static String columns(String table, String prefix) {
        return COLUMNS.stream().map(c -> table + "." + c + " AS " + prefix + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Contact map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    static Contact map(ResultSet rs, String prefix) throws SQLException {
        return new Contact(rs.getString(prefix + "id"),
                Optional.ofNullable(rs.getString(prefix + "name")), Optional.ofNullable(rs.getString(prefix + "email")),
                Optional.ofNullable(rs.getString(prefix + "mobile_number")),
                Optional.ofNullable(rs.getString(prefix + "external_customer_id")),
                Optional.ofNullable(rs.getString(prefix + "locale")),
                Json.parseStoredObject(rs.getString(prefix + "custom_fields")),
                Json.parseStoredObject(rs.getString(prefix + "campaigns")),
                Json.parseStoredObject(rs.getString(prefix + "page_tags")),
                Instant.ofEpochMilli(rs.getLong(prefix + "created_at")));
    }
}
