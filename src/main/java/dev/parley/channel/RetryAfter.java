package dev.parley.channel;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** A vendor's {@code Retry-After} header in seconds (the form vendors' APIs use), when an answer has one. */
public final class RetryAfter {
    private RetryAfter() {}

    public static Optional<Duration> of(HttpHeaders headers) {
        return headers.firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
    }
}
