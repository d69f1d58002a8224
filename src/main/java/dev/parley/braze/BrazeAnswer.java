package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How Braze answered one REST call; made by {@link BrazeClient}. */
public sealed interface BrazeAnswer {

    /**
     * Any 2xx: the request was taken and must never be sent again.
     *
     * @param processed what {@code /users/track} reports as queued ({@code *_processed}); zeros elsewhere
     * @param errors    non-fatal errors about single objects, which Braze did not apply
     * @param body      the whole answer ({@code users} and {@code invalid_user_ids} of an export)
     */
    record Success(int status, Processed processed, List<ItemError> errors, ObjectNode body) implements BrazeAnswer {
        public Success {
            Objects.requireNonNull(processed, "processed");
            errors = List.copyOf(errors);
            Objects.requireNonNull(body, "body");
        }
    }

    /** 429: slow down until {@code reset} ({@code X-RateLimit-Reset}), when Braze said. */
    record RateLimited(Optional<Instant> reset, String message) implements BrazeAnswer {}

    /** 5xx: Braze failed; the same request may be retried. */
    record ServerError(int status, String message) implements BrazeAnswer {}

    /** Any other 4xx: Braze refuses the request as it is; retrying it unchanged fails again. */
    record Rejected(int status, String message, List<String> errors) implements BrazeAnswer {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /** No HTTP answer: connection refused, reset or timed out. Braze may or may not have the request. */
    record NoAnswer(String cause) implements BrazeAnswer {}

    /** The outcome as a metric label. */
    default String outcome() {
        return switch (this) {
            case Success s -> s.errors().isEmpty() ? "success" : "partial";
            case RateLimited r -> "rate_limited";
            case ServerError e -> "server_error";
            case Rejected r -> "rejected";
            case NoAnswer n -> "no_answer";
        };
    }

    /** The counts of a {@code /users/track} success. */
    record Processed(int attributes, int events, int purchases) {}

    /**
     * One non-fatal error of a success, such as
     * {@code {"type": "'external_id' or 'braze_id' or 'user_alias' is required", "input_array": "attributes", "index": 1}}.
     */
    record ItemError(String type, Optional<String> inputArray, Optional<Integer> index) {
        /** The error as Braze wrote it, for people. */
        public String describe() {
            return inputArray.map(a -> a + index.map(i -> "[" + i + "]").orElse("") + ": ").orElse("") + type;
        }
    }
}
