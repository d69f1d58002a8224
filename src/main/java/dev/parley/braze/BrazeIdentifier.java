package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** How {@link BrazeReader#profile} names the Braze user to look up ({@code /users/export/ids}). */
public sealed interface BrazeIdentifier {

    /** The user's {@code external_id}. */
    record ExternalId(String value) implements BrazeIdentifier {
        public ExternalId {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A user alias. */
    record UserAlias(String aliasName, String aliasLabel) implements BrazeIdentifier {
        public UserAlias {
            Objects.requireNonNull(aliasName, "aliasName");
            Objects.requireNonNull(aliasLabel, "aliasLabel");
        }
    }

    /** The user's e-mail address. */
    record Email(String value) implements BrazeIdentifier {
        public Email {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The user's phone number (E.164). */
    record Phone(String value) implements BrazeIdentifier {
        public Phone {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Adds the identifier to an export request body. */
    default void addTo(ObjectNode body) {
        switch (this) {
            case ExternalId id -> body.putArray("external_ids").add(id.value());
            case UserAlias alias -> body.putArray("user_aliases").addObject()
                    .put("alias_name", alias.aliasName()).put("alias_label", alias.aliasLabel());
            case Email email -> body.put("email_address", email.value());
            case Phone phone -> body.put("phone", phone.value());
        }
    }

    /** The same user as {@link Identity} names it in tracked objects, such as {@code external_id:cust-1}. */
    default String identity() {
        return switch (this) {
            case ExternalId id -> "external_id:" + id.value();
            case UserAlias alias -> "user_alias:" + alias.aliasLabel() + "/" + alias.aliasName();
            case Email email -> "email:" + email.value();
            case Phone phone -> "phone:" + phone.value();
        };
    }

    /** Blank values name nobody. */
    default boolean isBlank() {
        return switch (this) {
            case ExternalId id -> id.value().isBlank();
            case UserAlias alias -> alias.aliasName().isBlank() || alias.aliasLabel().isBlank();
            case Email email -> email.value().isBlank();
            case Phone phone -> phone.value().isBlank();
        };
    }
}
