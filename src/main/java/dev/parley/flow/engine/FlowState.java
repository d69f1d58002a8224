package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.util.Optional;

/**
 * Where a flow bot's session stands, kept as the session's context so a restart continues where
 * the conversation was.
 *
 * @param flow      the id of the flow running now (a jump changes it)
 * @param version   the version of that flow the session runs (a reload does not change it)
 * @param at        the node waiting for the contact (a choice, a question, a forward with feedback)
 * @param variables the flow's variables
 * @param failures  failed answers to the question at {@code at}
 */
record FlowState(String flow, String version, Optional<String> at, ObjectNode variables, int failures) {

    /** The state of a session that has not run a node yet, with variables given from outside. */
    static FlowState fresh(String flow, String version, ObjectNode seeded) {
        return new FlowState(flow, version, Optional.empty(), seeded, 0);
    }

    /** The stored state; empty for a session that has none yet. */
    static Optional<FlowState> from(JsonNode context) {
        JsonNode flow = context.path("flow");
        if (!flow.isObject() || !flow.path("id").isTextual()) {
            return Optional.empty();
        }
        JsonNode at = flow.path("at");
        JsonNode variables = flow.path("variables");
        return Optional.of(new FlowState(flow.path("id").asText(), flow.path("version").asText(),
                at.isTextual() ? Optional.of(at.asText()) : Optional.empty(),
                variables.isObject() ? (ObjectNode) variables.deepCopy() : Json.object(),
                flow.path("failures").asInt(0)));
    }

    /** Variables another party gave the session before it started ({@code variables} in the context). */
    static ObjectNode seeded(JsonNode context) {
        JsonNode given = context.path("variables");
        return given.isObject() ? (ObjectNode) given.deepCopy() : Json.object();
    }

    ObjectNode toContext() {
        ObjectNode context = Json.object();
        ObjectNode flow = context.putObject("flow");
        flow.put("id", this.flow);
        flow.put("version", version);
        flow.put("at", at.orElse(null));
        flow.set("variables", variables);
        flow.put("failures", failures);
        return context;
    }

    FlowState waitingAt(String node, int failures) {
        return new FlowState(flow, version, Optional.of(node), variables, failures);
    }

    FlowState moving() {
        return new FlowState(flow, version, Optional.empty(), variables, 0);
    }

    FlowState inFlow(String otherFlow, String otherVersion) {
        return new FlowState(otherFlow, otherVersion, Optional.empty(), variables, 0);
    }
}
