package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.Flow;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs flow bots: takes an event exactly as an API bot's webhook would get it ({@code info} and
 * {@code packet}) and answers with triggerable events, as an API bot would, plus the session's
 * new context (where the flow stands).
 */
public final class FlowEngine {
    private final FlowCatalog catalog;
    private final ActionCaller actions;
    private final Clock clock;
    private final String envName;
    private final Map<String, String> env;

    public FlowEngine(FlowCatalog catalog, ActionCaller actions, Clock clock, String envName,
            Map<String, String> env) {
        this.catalog = catalog;
        this.actions = actions;
        this.clock = clock;
        this.envName = envName;
        this.env = Map.copyOf(env);
    }

    /**
     * The answer of the flow bot running {@code flowId}.
     *
     * @param events  the triggerable events, each with {@code info.cid}
     * @param context the session's new context; it holds the flow's state
     * @param log     lines for the conversation's timeline (actions' logs and failures)
     * @param effects work to commit with the answer (Braze updates to queue)
     */
    public record Reply(ArrayNode events, ObjectNode context, List<FlowLog.Line> log, List<Consumer<Tx>> effects) {
    }

    public Reply answer(String flowId, ObjectNode info, ObjectNode packet) {
        String cid = info.path("cid").asText();
        JsonNode context = info.path("context");
        Optional<FlowState> stored = FlowState.from(context);
        Versioned newest = catalog.newest(flowId).orElseThrow(() -> new IllegalStateException(
                "flow " + flowId + " is not loaded"));
        FlowState state = stored.orElseGet(() -> FlowState.fresh(newest.flow().id(), newest.version(),
                FlowState.seeded(context)));
        Flow flow = catalog.version(state.flow(), state.version()).orElse(newest.flow());
        ObjectNode conversation = object(info.path("conversation"));
        if (info.path("approach_mode").isTextual()) {
            conversation.put("approach_mode", info.path("approach_mode").asText());
        }
        FlowData data = new FlowData(object(info.path("contact")), conversation, env, state.variables());
        Outgoing out = new Outgoing(cid);
        FlowRun run = new FlowRun(catalog, actions, clock, envName, data, out, state, flow);
        JsonNode payload = packet.path("payload");
        switch (packet.path("name").asText()) {
            case "start" -> {
                if (stored.isEmpty()) {
                    run.start();
                }
                text(payload.path("body")).ifPresent(body -> run.input(new Input.Text(body)));
            }
            case "message" -> text(payload.path("body")).ifPresent(body -> run.input(new Input.Text(body)));
            case "click" -> run.input(new Input.Click(payload.path("value").path("id").asText(),
                    payload.path("value").path("label").asText()));
            case "media" -> text(payload.path("url")).ifPresent(url -> run.input(new Input.Text(url)));
            case "location" -> run.input(new Input.Text(payload.path("latitude").asText() + ", "
                    + payload.path("longitude").asText()));
            case "forward_failed" -> run.input(new Input.ForwardFailed());
            default -> { }
        }
        return new Reply(out.events(), run.state().toContext(), run.log(), run.effects());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue()) : Optional.empty();
    }

    private static ObjectNode object(JsonNode node) {
        return node.isObject() ? (ObjectNode) node.deepCopy() : Json.object();
    }
}
