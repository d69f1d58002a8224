package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.config.BrazeRetargeting;
import dev.parley.conversation.Contact;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a contact to Braze user attributes: {@code first_name} and {@code last_name} (a custom field of
 * that name, else split from the name), {@code email}, {@code phone} (the mobile number),
 * {@code language} (from the locale), and any other name from the contact's custom fields.
 */
final class ContactAttributes {

    private ContactAttributes() {}

    /** The Braze key an identifier is sent as. */
    static String key(BrazeRetargeting.IdentifyBy by) {
        return by.name().toLowerCase(Locale.ROOT);
    }

    /** The Braze key and value that name the contact by {@code by}, if the contact has it. */
    static Optional<Map.Entry<String, String>> identifier(Contact contact, BrazeRetargeting.IdentifyBy by) {
        Optional<String> value = switch (by) {
            case EXTERNAL_ID -> contact.externalCustomerId();
            case EMAIL -> contact.email();
            case PHONE -> contact.mobileNumber();
        };
        return value.filter(v -> !v.isBlank()).map(v -> new AbstractMap.SimpleEntry<>(key(by), v));
    }

    /** The Braze key and value of the first of {@code identifyBy} the contact has. */
    static Optional<Map.Entry<String, String>> identifier(Contact contact,
            List<BrazeRetargeting.IdentifyBy> identifyBy) {
        return identifyBy.stream().flatMap(by -> identifier(contact, by).stream()).findFirst();
    }

    /** Why a contact without any of {@code identifyBy} is not sent. */
    static String noIdentifier(List<BrazeRetargeting.IdentifyBy> identifyBy) {
        return "the contact has no " + identifyBy.stream().map(ContactAttributes::key)
                .collect(Collectors.joining(" or ")) + " to name the Braze user by";
    }

    static Optional<JsonNode> value(Contact contact, String name) {
        JsonNode custom = contact.customFields().path(name);
        if (!custom.isMissingNode() && !custom.isNull() && !custom.isContainerNode()) {
            return Optional.of(custom);
        }
        Optional<String> text = switch (name) {
            case "first_name" -> contact.name().map(n -> n.strip().split("\\s+", 2)[0]);
            case "last_name" -> contact.name().map(n -> n.strip().split("\\s+", 2)).filter(p -> p.length > 1)
                    .map(p -> p[1]);
            case "email" -> contact.email();
            case "phone" -> contact.mobileNumber();
            case "language" -> contact.locale().map(l -> l.split("[-_]", 2)[0].toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
        return text.filter(t -> !t.isBlank()).map(TextNode::new);
    }
}
