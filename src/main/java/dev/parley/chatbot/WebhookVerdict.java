package dev.parley.chatbot;

import dev.parley.webhook.WebhookClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a bot's HTTP answer means (chatbot spec §3.3): 2xx delivers; any other 4xx but 408 and 429 is the
 * bot declining this event (the reference's sample bots answer 400 to events they do not handle), so
 * it is not sent again; 408, 429, 5xx and anything else is retried.
 */
enum WebhookVerdict {
    DELIVERED, DECLINED, RETRY;

    /** A {@code Retry-After} longer than this is cut to it, so one answer cannot stall a session for hours. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    static WebhookVerdict of(WebhookClient.Outcome.Answered answer) {
        int status = answer.status();
        if (status >= 200 && status <= 299) {
            return DELIVERED;
        }
        if (status >= 400 && status <= 499 && status != 408 && status != 429) {
            return DECLINED;
        }
        return RETRY;
    }

    /** The answer's {@code Retry-After} (seconds or an HTTP date) as a wait from {@code now}, at most 5 minutes. */
    static Optional<Duration> retryAfter(WebhookClient.Outcome.Answered answer, Instant now) {
        return answer.retryAfter().map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }).map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }
}
