package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.json.Json;
import dev.parley.config.BrazeRetargeting;
import dev.parley.conversation.Contact;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a contact to Braze user attributes: {@code first_name} and {@code last_name} (a custom field of
 * that name, else split from the name), {@code email}, {@code phone} (the mobile number),
 * {@code language} (from the locale), and any other name from the contact's custom fields.
 */
final class ContactAttributes {
    /** The {@code alias_label} of the aliases Parley gives contacts in Braze. */
    static final String ALIAS_LABEL = "parley_contact_id";

    private ContactAttributes() {}

    /** The Braze key an identifier is sent as. */
    static String key(BrazeRetargeting.IdentifyBy by) {
        return by.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fields that name the contact's Braze user by {@code by}, if the contact has it: such as
     * {@code {"external_id": "cust-1"}}, or for the alias {@code {"user_alias": {...}, "_update_existing_only": false}}.
     */
    static Optional<ObjectNode> identifier(Contact contact, BrazeRetargeting.IdentifyBy by) {
        Optional<String> value = switch (by) {
            case EXTERNAL_ID -> contact.externalCustomerId();
            case EMAIL -> contact.email();
            case PHONE -> contact.mobileNumber();
            case ALIAS -> Optional.of(contact.id());
        };
        return value.filter(v -> !v.isBlank()).map(v -> by == BrazeRetargeting.IdentifyBy.ALIAS ? alias(v)
                : Json.object().put(key(by), v));
    }

    /** An alias-only user is created only when {@code _update_existing_only} is false. */
    private static ObjectNode alias(String contactId) {
        ObjectNode fields = Json.object();
        fields.putObject("user_alias").put("alias_name", contactId).put("alias_label", ALIAS_LABEL);
        return fields.put("_update_existing_only", false);
    }

    /** The fields that name the contact by the first of {@code identifyBy} it has. */
    static Optional<ObjectNode> identifier(Contact contact, List<BrazeRetargeting.IdentifyBy> identifyBy) {
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
