package dev.parley.limit;

import dev.parley.error.ClientError;
import java.time.Duration;
import java.util.Optional;

/**
 * A rate limit kept per key (an e-mail address, a client address, a contact id). The in-memory
 * {@link LocalLimiter} serves one node; several nodes need one whose buckets live in a shared store
 * (Bucket4j's Redis proxy managers keep the same token-bucket model).
 */
public interface Limiter {

    /** Takes one permit for {@code key}: empty when granted, else how long until one is free. */
    Optional<Duration> tryAcquire(String key);

    /** Gives back a permit taken for {@code key}, for attempts that turn out not to count. */
    void refund(String key);

    /** Takes one permit or throws a 429 naming {@code what} was limited, with the wait as {@code Retry-After}. */
    default void enforce(String key, String what) {
        tryAcquire(key).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ClientError(ClientError.Kind.RATE_LIMITED, "rate_limited", "too many " + what + "; retry in "
                    + seconds + " s", Optional.empty(), Optional.of(wait));
        });
    }
}
