package dev.parley.flow;

import java.util.List;
import java.util.Optional;

/**
 * The result of checking one flow file: all its problems, in line order, and the flow itself
 * when there is no error among them (warnings do not refuse a flow).
 */
public final class FlowValidation {

    private final String source;
    private final List<FlowProblem> problems;
    private final Optional<Flow> flow;

    private FlowValidation(String source, List<FlowProblem> problems, Optional<Flow> flow) {
        this.source = source;
        this.problems = List.copyOf(problems);
        this.flow = flow;
    }

    static FlowValidation valid(Flow flow, List<FlowProblem> warnings) {
        return new FlowValidation(flow.source(), warnings, Optional.of(flow));
    }

    static FlowValidation invalid(String source, List<FlowProblem> problems) {
        if (problems.stream().noneMatch(FlowProblem::isError)) {
            throw new IllegalArgumentException("an invalid flow has at least one error");
        }
        return new FlowValidation(source, problems, Optional.empty());
    }

    /** The source the problems are about. */
    public String source() {
        return source;
    }

    /** Errors and warnings, in line order. */
    public List<FlowProblem> problems() {
        return problems;
    }

    /** The errors alone. */
    public List<FlowProblem> errors() {
        return problems.stream().filter(FlowProblem::isError).toList();
    }

    /** The warnings alone. */
    public List<FlowProblem> warnings() {
        return problems.stream().filter(problem -> !problem.isError()).toList();
    }

    /** True when the flow has no errors. */
    public boolean isValid() {
        return flow.isPresent();
    }

    /** The flow, when it has no errors. */
    public Optional<Flow> flow() {
        return flow;
    }

    /** The flow; throws {@link InvalidFlowException} listing the errors when there are any. */
    public Flow orElseThrow() {
        return flow.orElseThrow(() -> new InvalidFlowException(source, errors()));
    }
}
