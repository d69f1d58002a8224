package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.parley.flow.AnswerCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks an ask node's answer and gives the value to save, or why it was refused. */
final class Answers {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Answers() {
    }

    /** The outcome of a check. */
    sealed interface Checked {
        record Accepted(JsonNode value) implements Checked {
        }

        record Refused(String reason) implements Checked {
        }
    }

    static Checked check(AnswerCheck check, String raw) {
        String answer = raw.strip();
        return switch (check) {
            case AnswerCheck.Text text -> text(text, answer);
            case AnswerCheck.Number number -> number(number, answer);
            case AnswerCheck.Email email -> EMAIL.matcher(answer).matches() && answer.length() <= 254
                    ? accepted(answer) : refused("that does not look like an e-mail address");
            case AnswerCheck.Phone phone -> phone(phone, answer);
            case AnswerCheck.Date date -> date(date, answer);
            case AnswerCheck.OneOf oneOf -> oneOf.values().stream()
                    .filter(value -> value.equalsIgnoreCase(answer)).findFirst()
                    .<Checked>map(Answers::accepted)
                    .orElseGet(() -> refused("please answer one of: " + String.join(", ", oneOf.values())));
            case AnswerCheck.Regex regex -> regex.pattern().matcher(answer).matches() ? accepted(answer)
                    : refused("that is not in the expected form");
        };
    }

    /** Without a check, any non-empty answer passes. */
    static Checked anyText(String raw) {
        return raw.isBlank() ? refused("please write an answer") : accepted(raw.strip());
    }

    private static Checked text(AnswerCheck.Text text, String answer) {
        int length = answer.codePointCount(0, answer.length());
        if (answer.isEmpty() || text.minLength().isPresent() && length < text.minLength().getAsInt()) {
            return refused("please write at least " + text.minLength().orElse(1) + " characters");
        }
        if (text.maxLength().isPresent() && length > text.maxLength().getAsInt()) {
            return refused("please write at most " + text.maxLength().getAsInt() + " characters");
        }
        return accepted(answer);
    }

    private static Checked number(AnswerCheck.Number number, String answer) {
        BigDecimal value;
        try {
            value = new BigDecimal(answer.replace(',', '.'));
        } catch (NumberFormatException e) {
            return refused("please answer with a number");
        }
        if (number.min().isPresent() && value.compareTo(number.min().get()) < 0
                || number.max().isPresent() && value.compareTo(number.max().get()) > 0) {
            return refused("please answer with a number" + number.min().map(min -> " from " + min.toPlainString())
                    .orElse("") + number.max().map(max -> " up to " + max.toPlainString()).orElse(""));
        }
        return new Checked.Accepted(JSON.numberNode(value.stripTrailingZeros().scale() <= 0
                ? value.setScale(0) : value));
    }

    private static Checked phone(AnswerCheck.Phone phone, String answer) {
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(answer, phone.region().orElse("ZZ"));
            if (PHONES.isValidNumber(parsed)) {
                return accepted(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // refused below with the same message as an invalid number
        }
        return refused(phone.region().isPresent() ? "that does not look like a phone number"
                : "please write the phone number with its country code, as in +49 30 123456");
    }

    private static Checked date(AnswerCheck.Date date, String answer) {
        try {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(date.format().replace('y', 'u'), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
            return accepted(LocalDate.parse(answer, format).toString());
        } catch (DateTimeParseException e) {
            return refused("please write the date as " + date.format());
        }
    }

    private static Checked accepted(String value) {
        return new Checked.Accepted(JSON.textNode(value));
    }

    private static Checked refused(String reason) {
        return new Checked.Refused(reason);
    }
}
