package dev.parley.web;

import dev.parley.error.ClientError;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/** Query parameters of the contact web API; a bad value is a 400 {@code invalid_parameter} naming the parameter. */
final class QueryParams {
    /** The longest a long poll waits: {@code wait} is 0–60 seconds. */
    static final int MAX_WAIT_SECONDS = 60;

    private QueryParams() {}

    /** A whole number from {@code min} to {@code max}, if the parameter is given and not empty. */
    static Optional<Long> whole(Context ctx, String name, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long v = Long.parseLong(raw);
            if (v < min || v > max) {
                throw ClientError.badRequest("invalid_parameter", name + " must be between " + min + " and " + max,
                        name);
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw ClientError.badRequest("invalid_parameter", name + " must be a whole number, got '" + raw + "'",
                    name);
        }
    }

    /** How long a long poll may wait for news ({@code wait}, seconds): none when not given. */
    static Optional<Duration> waitFor(Context ctx) {
        return whole(ctx, "wait", 0, MAX_WAIT_SECONDS).map(Duration::ofSeconds);
    }
}
