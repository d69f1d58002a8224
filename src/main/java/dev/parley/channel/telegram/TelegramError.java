package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as the Bot API answers it, {@code {"ok": false, "error_code": 400, "description": "Bad Request: chat
 * not found", "parameters": {"retry_after": 5}}}, or, for errors Parley meets before an answer (a timeout, a
 * connection refused), {@link #LOCAL_CODE} with the cause as description.
 *
 * @param retryAfter {@code parameters.retry_after}: how long Telegram asks to wait after a 429
 */
public record TelegramError(int code, String description, Optional<Duration> retryAfter) {
    /** The code of an error that did not come from Telegram. */
    public static final int LOCAL_CODE = -1;

    static TelegramError of(int status, JsonNode answer) {
        if (!answer.path("error_code").canConvertToInt()) {
            return local("HTTP " + status + " without a Bot API error object");
        }
        JsonNode wait = answer.path("parameters").path("retry_after");
        return new TelegramError(answer.path("error_code").asInt(), answer.path("description").asText(""),
                wait.canConvertToLong() && wait.asLong() >= 0 ? Optional.of(Duration.ofSeconds(wait.asLong()))
                        : Optional.empty());
    }

    static TelegramError local(String description) {
        return new TelegramError(LOCAL_CODE, description, Optional.empty());
    }

    /** The code (when Telegram gave one) and the description, for the log and the timeline. */
    public String describe() {
        return code == LOCAL_CODE ? description : "(" + code + ") " + description;
    }
}
