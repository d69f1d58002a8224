package dev.parley.chatbot;

import java.util.regex.Pattern;

/**
 * Validation of {@code contact_update}. The mobile number is only read here: it is parsed when applied,
 * with the default region of the conversation's widget ({@link PhoneNumbers}).
 */
final class ContactUpdatePayload {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ContactUpdatePayload() {}

    static BotAction parse(PayloadReader r) {
        BotAction.UpdateContact update = new BotAction.UpdateContact(
                r.optionalString("name", 1, 200),
                r.optionalString("email", 3, 254).map(e -> email(r, e)),
                r.optionalString("mobile_number", 2, 40),
                r.optionalString("external_customer_id", 1, 200),
                r.optionalObject("custom_fields"),
                r.optionalBoolean("campaigns"));
        if (update.name().isEmpty() && update.email().isEmpty() && update.mobileNumber().isEmpty()
                && update.externalCustomerId().isEmpty() && update.customFields().isEmpty()
                && update.campaigns().isEmpty()) {
            throw PayloadReader.invalid(r.path(),
                    "needs at least one of name, email, mobile_number, external_customer_id, custom_fields, campaigns");
        }
        return update;
    }

    private static String email(PayloadReader r, String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw PayloadReader.invalid(r.at("email"), "'" + email + "' is not an e-mail address");
        }
        return email;
    }
}
