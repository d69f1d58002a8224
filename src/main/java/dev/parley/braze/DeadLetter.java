package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Objects Braze refused, with its answer: a whole request it answered with a 4xx other than 429, or the
 * single objects a 2xx named in its non-fatal {@code errors}.
 *
 * @param httpStatus Braze's status (201 for non-fatal errors of a success)
 * @param message    Braze's {@code message}
 * @param errors     Braze's {@code errors}, as text
 * @param objects    {@code {"attributes": [...], "events": [...], "purchases": [...]}} as they were sent
 * @param resentAt   when an admin re-sent them, if they were
 */
public record DeadLetter(String id, String requestId, Instant createdAt, int httpStatus, String message,
        List<String> errors, ObjectNode objects, Optional<Instant> resentAt) {

    public DeadLetter {
        errors = List.copyOf(errors);
    }

    /** The dead letter as the admin API shows it. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("request_id", requestId);
        n.put("created_at", createdAt.toString());
        n.put("status", httpStatus);
        n.put("message", message);
        ArrayNode list = n.putArray("errors");
        errors.forEach(list::add);
        n.set("objects", objects);
        n.put("resent_at", resentAt.map(Instant::toString).orElse(null));
        return n;
    }
}
