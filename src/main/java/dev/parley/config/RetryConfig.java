package dev.parley.config;

import java.time.Duration;
import java.util.Objects;

/** Webhook retries: at most {@code attempts} calls in all, the first retry after {@code firstDelay}. */
public record RetryConfig(int attempts, Duration firstDelay) {

    /** Six attempts, the first retry after one second. */
    static final RetryConfig DEFAULT = new RetryConfig(6, Duration.ofSeconds(1));

    public RetryConfig {
        Objects.requireNonNull(firstDelay, "firstDelay");
    }
}
