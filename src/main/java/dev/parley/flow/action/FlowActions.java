package dev.parley.flow.action;

import dev.parley.flow.engine.ActionCall;
import dev.parley.flow.engine.ActionCaller;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ParameterProblem;
import dev.parley.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The action nodes flow bots call: the registered ones (built-ins and plugins), and those whose work
 * commits with the flow's step (the Braze actions, which queue updates durably). Both kinds have
 * their parameters checked before they run.
 */
public final class FlowActions implements ActionCaller {
    private final ActionNodes nodes;
    private final Map<String, ActionCaller> transactional;

    public FlowActions(ActionNodes nodes, Map<String, ActionCaller> transactional) {
        this.nodes = nodes;
        this.transactional = Map.copyOf(transactional);
    }

    /** The parameters of every action a flow may use in {@code action:}, by name, for the flow loader. */
    public Map<String, ActionParameters> parameters() {
        Map<String, ActionParameters> parameters = new TreeMap<>(nodes.parameters());
        transactional.keySet().forEach(name -> parameters.put(name, inStepParameters(name)));
        return parameters;
    }

    @Override
    public ActionCall call(String action, ActionRequest request) {
        ActionCaller inStep = transactional.get(action);
        if (inStep == null) {
            ActionOutcome outcome = nodes.run(action, request);
            return new ActionCall(outcome.outcome(), Json.MAPPER.valueToTree(outcome.data()), outcome.cause(),
                    Optional.empty());
        }
        List<ParameterProblem> problems = inStepParameters(action).check(action, request.params());
        if (!problems.isEmpty()) {
            String cause = problems.getFirst().message();
            return new ActionCall("error", Json.object().put("error", cause), Optional.of(cause), Optional.empty());
        }
        return inStep.call(action, request);
    }

    /** Actions that run with the step are Parley's own (the Braze ones), declared with the built-ins. */
    private static ActionParameters inStepParameters(String name) {
        return ActionNodes.BUILT_IN_PARAMETERS.getOrDefault(name, ActionParameters.any());
    }
}
