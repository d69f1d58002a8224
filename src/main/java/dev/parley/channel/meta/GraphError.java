package dev.parley.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An error as the Graph API reports it: {@code {"error": {"message", "type", "code", "error_subcode",
 * "error_data": {"details"}, "fbtrace_id"}}}, or, for errors Parley meets before an answer (a timeout, a
 * connection refused), {@link #LOCAL_CODE} with the cause as message.
 *
 * @param code    Meta's error code, such as 131026 (not on WhatsApp), 131047 (24-hour window closed), 190
 *                (invalid access token), 100 (invalid parameter), 130429 (rate limit)
 * @param subcode {@code error_subcode}, when given
 * @param details {@code error_data.details}, when given: the most precise text Meta gives
 */
public record GraphError(int code, Optional<Integer> subcode, String type, String message, Optional<String> details,
        Optional<String> traceId) {
    /** The code of an error that did not come from Meta (no answer, or an answer that is not Graph JSON). */
    public static final int LOCAL_CODE = -1;

    /** The error object of an answer, or one naming the HTTP status when the body is not Graph error JSON. */
    static GraphError of(int status, JsonNode answer) {
        JsonNode error = answer.path("error");
        if (!error.path("code").canConvertToInt()) {
            return local("HTTP " + status + " without a Graph API error object");
        }
        return new GraphError(error.path("code").asInt(),
                error.path("error_subcode").canConvertToInt() ? Optional.of(error.path("error_subcode").asInt())
                        : Optional.empty(),
                error.path("type").asText(""), error.path("message").asText(""),
                text(error.path("error_data").path("details")), text(error.path("fbtrace_id")));
    }

    public static GraphError local(String message) {
        return new GraphError(LOCAL_CODE, Optional.empty(), "", message, Optional.empty(), Optional.empty());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
