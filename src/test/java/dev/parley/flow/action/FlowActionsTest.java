package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.flow.engine.ActionCall;
import dev.parley.flow.engine.ActionCaller;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowActionsTest {
    private final List<Map<String, Object>> queued = new ArrayList<>();
    private final ActionCaller track = (action, request) -> {
        queued.add(request.params());
        return new ActionCall("success", Json.object(), Optional.empty(), Optional.empty());
    };
    private final FlowActions actions = new FlowActions(
            ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty())), Map.of("braze.track", track));

    @Test
    void actionsOfTheStepHaveTheParametersOfTheirBuiltIn() {
        assertThat(actions.parameters()).containsOnlyKeys("braze.track", "email", "http", "remote")
                .containsEntry("braze.track", ActionNodes.BUILT_IN_PARAMETERS.get("braze.track"));
    }

    @Test
    void anActionOfTheStepRunsOnlyWithParametersThatPass() {
        ActionCall refused = actions.call("braze.track", request(Map.of("events", "checked the order")));

        assertThat(refused.outcome()).isEqualTo("error");
        assertThat(refused.cause()).contains("action 'braze.track': events must be an object or a list of objects,"
                + " as in [{ external_id: …, name: … }]");
        assertThat(refused.data().path("error").asText()).isEqualTo(refused.cause().orElseThrow());
        assertThat(queued).isEmpty();

        Map<String, Object> event = Map.of("external_id", "carla@example.com", "name", "checked_order");
        assertThat(actions.call("braze.track", request(Map.of("events", List.of(event)))).outcome())
                .isEqualTo("success");
        assertThat(queued).containsExactly(Map.of("events", List.of(event)));
    }
}
