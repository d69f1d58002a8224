package dev.parley.flow;

import java.util.List;
import java.util.stream.Collectors;

/** A flow file has errors and cannot be run; the message lists them, one per line. */
public final class InvalidFlowException extends RuntimeException {

    private final transient List<FlowProblem> errors;

    InvalidFlowException(String source, List<FlowProblem> errors) {
        super(source + " is not a valid flow:\n"
                + errors.stream().map(FlowProblem::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The errors that refused the flow. */
    public List<FlowProblem> errors() {
        return errors;
    }
}
