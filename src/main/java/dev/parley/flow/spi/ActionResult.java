package dev.parley.flow.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What an action node returns: the outcome the flow routes on ({@code success}, {@code error} or
 * any other word the action documents) and data the node's {@code save:} stores in a variable.
 *
 * @param outcome a non-blank word such as {@code success}, {@code error} or {@code not_found}
 * @param data    JSON-like values (see {@link ActionRequest}); empty when the action has none
 */
public record ActionResult(String outcome, Map<String, Object> data) {
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    public ActionResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.isBlank()) {
            throw new IllegalArgumentException("an action's outcome is a non-blank word, as in success or error");
        }
        Objects.requireNonNull(data, "data");
    }

    public static ActionResult success(Map<String, Object> data) {
        return new ActionResult(SUCCESS, data);
    }

    /** Outcome {@code error}; the flow can show {@code cause} as {@code <save>.error}. */
    public static ActionResult error(String cause) {
        return new ActionResult(ERROR, Map.of("error", cause));
    }
}
