package dev.parley.config;

import java.util.List;
import java.util.Objects;

/**
 * What is sent to Braze about a conversation once it has ended: the {@code braze.after_conversation}
 * rule of a bot or widget, and the settings of an add-on of type {@code braze}.
 *
 * @param event      the name of the custom event sent, such as {@code conversation_ended}
 * @param attributes the contact attributes sent along (first_name, last_name, email, phone, language,
 *                   or a key of the contact's custom fields such as dob or home_city)
 * @param identifyBy how the Braze user is named, in order of preference: the first the contact has is used
 */
public record BrazeRetargeting(String event, List<String> attributes, List<IdentifyBy> identifyBy) {

    /** The event name when a rule names none. */
    public static final String DEFAULT_EVENT = "conversation_ended";

    /** The contact fields that can name a Braze user, written in lower case in {@code parley.yml}. */
    public enum IdentifyBy {
        /** The contact's external customer id, sent as {@code external_id}. */
        EXTERNAL_ID,
        /** The contact's e-mail address, sent as {@code email}. */
        EMAIL,
        /** The contact's mobile number, sent as {@code phone}. */
        PHONE,
        /**
         * An alias Parley gives every contact ({@code alias_label} {@code parley_contact_id}, {@code alias_name}
         * the contact's id), which creates an alias-only Braze user for an anonymous contact; once the contact
         * has an external customer id, Parley merges that user into the {@code external_id} one
         * ({@code /users/identify}).
         */
        ALIAS
    }

    public BrazeRetargeting {
        Objects.requireNonNull(event, "event");
        attributes = List.copyOf(attributes);
        identifyBy = List.copyOf(identifyBy);
        if (identifyBy.isEmpty()) {
            throw new IllegalArgumentException("identifyBy must name at least one identifier");
        }
    }

    /** The rule with every default: event {@code conversation_ended}, no attributes, any identifier. */
    public static BrazeRetargeting defaults() {
        return new BrazeRetargeting(DEFAULT_EVENT, List.of(), List.of(IdentifyBy.values()));
    }
}
