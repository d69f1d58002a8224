package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.time.Instant;

/**
 * Something about Braze an admin must act on; raised by the sender, cleared when Braze takes a request again.
 *
 * @param kind    {@code auth} (Braze refused the API key: sending is paused) or {@code server_errors}
 *                (a request kept failing with 5xx and became a dead letter)
 * @param message what happened, with Braze's status and words
 */
public record BrazeAlert(String kind, String message, Instant raisedAt) {
    static final String AUTH = "auth";
    static final String SERVER_ERRORS = "server_errors";

    /** The alert as the admin API shows it. */
    public ObjectNode toJson() {
        return Json.object().put("kind", kind).put("message", message).put("raised_at", raisedAt.toString());
    }
}
