package dev.parley.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** What an ask node accepts as an answer ({@code validate:}). */
public sealed interface AnswerCheck permits AnswerCheck.Text, AnswerCheck.Number, AnswerCheck.Email,
        AnswerCheck.Phone, AnswerCheck.Date, AnswerCheck.OneOf, AnswerCheck.Regex {

    /** Any text, optionally of {@code min_length} to {@code max_length} characters. */
    record Text(OptionalInt minLength, OptionalInt maxLength) implements AnswerCheck {
    }

    /** A number, optionally within {@code min} and {@code max} (inclusive). */
    record Number(Optional<BigDecimal> min, Optional<BigDecimal> max) implements AnswerCheck {
    }

    /** An e-mail address. */
    record Email() implements AnswerCheck {
    }

    /**
     * A phone number, saved in E.164 ({@code +4930123456}); {@code region} (ISO 3166 code such as
     * {@code DE}) is assumed for numbers written without a country code.
     */
    record Phone(Optional<String> region) implements AnswerCheck {
    }

    /**
     * A date written in {@code format} (a {@link java.time.format.DateTimeFormatter} pattern),
     * saved as ISO {@code yyyy-MM-dd}.
     */
    record Date(String format) implements AnswerCheck {
    }

    /** One of the listed values, compared ignoring case; the listed spelling is saved. */
    record OneOf(List<String> values) implements AnswerCheck {
        public OneOf {
            values = List.copyOf(values);
        }
    }

    /** Text matching the whole regular expression. */
    record Regex(Pattern pattern) implements AnswerCheck {
    }

    /**
     * A check with the message shown when an answer fails it.
     *
     * @param error shown before the question is asked again; a generic message when absent
     */
    record Rule(AnswerCheck check, Optional<Template> error) {
    }

    /**
     * How many failed answers an ask node takes before it gives up.
     *
     * @param limit     failed answers allowed (the question is asked again after each but the last)
     * @param onInvalid the node that follows when the limit is reached
     */
    record Retry(int limit, String onInvalid) {
    }
}
