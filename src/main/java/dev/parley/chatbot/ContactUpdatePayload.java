package dev.parley.chatbot;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/** Validation of {@code contact_update}. */
final class ContactUpdatePayload {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactUpdatePayload() {}

    static BotAction parse(PayloadReader r) {
        BotAction.UpdateContact update = new BotAction.UpdateContact(
                r.optionalString("name", 1, 200),
                r.optionalString("email", 3, 254).map(e -> email(r, e)),
                r.optionalString("mobile_number", 2, 20).map(m -> phone(r, m)),
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

    private static String phone(PayloadReader r, String number) {
        boolean valid;
        try {
            valid = number.startsWith("+") && PHONES.isValidNumber(PHONES.parse(number, null))
                    && PHONES.format(PHONES.parse(number, null), PhoneNumberUtil.PhoneNumberFormat.E164).equals(number);
        } catch (NumberParseException e) {
            valid = false;
        }
        if (!valid) {
            throw PayloadReader.invalid(r.at("mobile_number"),
                    "'" + number + "' is not a valid phone number in E.164 form (e.g. +4915112345678)");
        }
        return number;
    }
}
