package dev.parley.flow.action;

import dev.parley.flow.spi.ActionResult;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run of an action node ended, as {@link ActionNodes#run} reports it: the outcome the flow
 * routes on, the data its {@code save:} stores, and for {@code error} the cause the timeline shows.
 *
 * @param action  the action's name, as in {@code http}
 * @param outcome the word the flow routes on: {@code success}, {@code error} or one of the action's own
 * @param data    JSON-like values (see {@link dev.parley.flow.spi.ActionRequest}), read-only; for an
 *                {@code error} Parley made, {@code {"error": cause}}
 * @param cause   why the outcome is {@code error}: the action's {@code data.error} text, or what went
 *                wrong running it (an exception, the deadline, garbage); empty for other outcomes
 * @param took    how long the run took
 */
public record ActionOutcome(String action, String outcome, Map<String, Object> data, Optional<String> cause,
        Duration took) {

    public ActionOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(took, "took");
    }

    /** What the action returned; its data must already be checked and copied. */
    static ActionOutcome returned(String action, ActionResult result, Duration took) {
        Optional<String> cause = result.outcome().equals(ActionResult.ERROR)
                ? Optional.of(result.data().get("error") instanceof String text && !text.isBlank() ? text
                        : "the action answered error without saying why")
                : Optional.empty();
        return new ActionOutcome(action, result.outcome(), result.data(), cause, took);
    }

    /** Outcome {@code error} that Parley decided: the action threw, timed out or returned garbage. */
    static ActionOutcome failed(String action, String cause, Duration took) {
        return new ActionOutcome(action, ActionResult.ERROR, Map.of("error", cause), Optional.of(cause), took);
    }

    public boolean isError() {
        return outcome.equals(ActionResult.ERROR);
    }

    /**
     * One line for the conversation's timeline, such as {@code http → success (120 ms)} or
     * {@code remote → error (5002 ms): timed out after 5 s}. Holds no data, so no secrets.
     */
    public String summary() {
        return action + " → " + outcome + " (" + took.toMillis() + " ms)" + cause.map(text -> ": " + text).orElse("");
    }
}
