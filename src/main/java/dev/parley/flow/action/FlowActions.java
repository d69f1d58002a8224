package dev.parley.flow.action;

import dev.parley.flow.engine.ActionCall;
import dev.parley.flow.engine.ActionCaller;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The action nodes flow bots call: the registered ones (built-ins and plugins), and those whose work
 * commits with the flow's step (the Braze actions, which queue updates durably).
 */
public final class FlowActions implements ActionCaller {
    private final ActionNodes nodes;
    private final Map<String, ActionCaller> transactional;

    public FlowActions(ActionNodes nodes, Map<String, ActionCaller> transactional) {
        this.nodes = nodes;
        this.transactional = Map.copyOf(transactional);
    }

    /** Every name a flow may use in {@code action:}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(nodes.names());
        names.addAll(transactional.keySet());
        return names;
    }

    @Override
    public ActionCall call(String action, ActionRequest request) {
        ActionCaller inStep = transactional.get(action);
        if (inStep != null) {
            return inStep.call(action, request);
        }
        ActionOutcome outcome = nodes.run(action, request);
        return new ActionCall(outcome.outcome(), Json.MAPPER.valueToTree(outcome.data()), outcome.cause(),
                Optional.empty());
    }
}
