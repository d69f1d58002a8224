package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.time.Instant;
import java.util.Optional;

/** A person who writes to the business. {@code campaigns} and {@code pageTags} are JSON objects. */
public record Contact(String id, Optional<String> name, Optional<String> email, Optional<String> mobileNumber,
        Optional<String> externalCustomerId, Optional<String> locale, ObjectNode customFields, ObjectNode campaigns,
        ObjectNode pageTags, Instant createdAt) {

    public Contact withPageTags(ObjectNode tags) {
        return new Contact(id, name, email, mobileNumber, externalCustomerId, locale, customFields, campaigns, tags,
                createdAt);
    }

    public Contact withEmail(String address) {
        return new Contact(id, name, Optional.of(address), mobileNumber, externalCustomerId, locale, customFields,
                campaigns, pageTags, createdAt);
    }

    public Contact withExternalCustomerId(String externalId) {
        return new Contact(id, name, email, mobileNumber, Optional.of(externalId), locale, customFields, campaigns,
                pageTags, createdAt);
    }

    /** The contact as bots ({@code info.contact}) and operators see it; absent values are {@code null}. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name.orElse(null));
        n.put("email", email.orElse(null));
        n.put("mobile_number", mobileNumber.orElse(null));
        n.put("external_customer_id", externalCustomerId.orElse(null));
        n.put("locale", locale.orElse(null));
        n.set("custom_fields", customFields);
        n.set("campaigns", campaigns);
        n.put("created_at", createdAt.toString());
        n.set("page_tags", pageTags);
        return n;
    }
}
