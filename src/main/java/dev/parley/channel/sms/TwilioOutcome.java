package dev.parley.channel.sms;

import java.time.Duration;
import java.util.Optional;

/**
 * How one call to Twilio's REST API (a send, a media download) went.
 *
 * @param <T> what a call that succeeded gives, such as the message's {@code sid}
 */
sealed interface TwilioOutcome<T> {

    record Done<T>(T value) implements TwilioOutcome<T> {}

    /**
     * A 5xx, a 429 (Twilio's 20429 "Too Many Requests"), a network error or a timeout: worth retrying after
     * {@code retryAfter} (the answer's {@code Retry-After}) when Twilio gave one.
     */
    record Retry<T>(String reason, Optional<Duration> retryAfter) implements TwilioOutcome<T> {}

    /**
     * Any other 4xx, such as 21211 (invalid {@code To} number) or 21610 (the recipient replied STOP): retrying
     * cannot help. {@code code} is Twilio's error code.
     */
    record Permanent<T>(String code, String reason) implements TwilioOutcome<T> {}
}
