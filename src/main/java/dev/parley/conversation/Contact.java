package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** A person who writes to the business. {@code campaigns} and {@code pageTags} are JSON objects. */
public record Contact(String id, Optional<String> name, Optional<String> email, Optional<String> mobileNumber,
        Optional<String> externalCustomerId, Optional<String> locale, ObjectNode customFields, ObjectNode campaigns,
        ObjectNode pageTags, Instant createdAt) {
}
