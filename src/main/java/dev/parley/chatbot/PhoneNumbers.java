package dev.parley.chatbot;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Phone numbers as people write them ({@code +49 151 12345678}, {@code 0151/12345678} where the
 * region is known) read with libphonenumber and kept in E.164.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number in E.164, or empty when it is not a valid number (national ones need {@code region}). */
    static Optional<String> e164(String written, Optional<String> region) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(written, region.orElse("ZZ"));
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Why {@code written} was refused, in words a bot developer can act on. */
    static String rule(String written, Optional<String> region) {
        return "'" + written + "' is not a valid phone number " + region
                .map(r -> "(international, e.g. +4915112345678, or national in region " + r + ")")
                .orElse("in international form (e.g. +4915112345678; the widget sets no phone_region for national"
                        + " numbers)");
    }
}
