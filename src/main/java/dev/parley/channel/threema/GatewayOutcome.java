package dev.parley.channel.threema;

import java.time.Duration;
import java.util.Optional;

/**
 * How one call to the Threema Gateway went: done, worth retrying later (429, 5xx, a network error or a timeout),
 * or refused for good (400 bad recipient or mode, 401 bad credentials, 402 no credits, 404 unknown ID, 413 too
 * long…).
 *
 * @param <T> what a call that succeeded gives, such as the message ID
 */
sealed interface GatewayOutcome<T> {

    /** {@code next} applied to the value of a call that succeeded; a failure stays what it was. */
    default <U> GatewayOutcome<U> then(java.util.function.Function<T, GatewayOutcome<U>> next) {
        return switch (this) {
            case Done<T> done -> next.apply(done.value());
            case Retry<T> retry -> new Retry<>(retry.reason(), retry.retryAfter());
            case Permanent<T> permanent -> new Permanent<>(permanent.status(), permanent.reason());
        };
    }

    record Done<T>(T value) implements GatewayOutcome<T> {}

    /** {@code retryAfter} is the answer's {@code Retry-After}, when it had one. */
    record Retry<T>(String reason, Optional<Duration> retryAfter) implements GatewayOutcome<T> {}

    /** {@code status} is the Gateway's HTTP status, the channel error's code. */
    record Permanent<T>(int status, String reason) implements GatewayOutcome<T> {}
}
