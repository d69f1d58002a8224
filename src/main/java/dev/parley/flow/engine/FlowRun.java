package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.ChoiceOption;
import dev.parley.flow.Flow;
import dev.parley.flow.Message;
import dev.parley.flow.Node;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One step of a flow bot: takes what the contact did, runs nodes until the flow waits for the
 * contact again or hands the conversation on, and collects the events to answer with.
 */
final class FlowRun {
    /** Nodes one step may run before the flow is taken for a loop and handed to humans. */
    static final int MAX_NODES = 100;
    static final Duration ACTION_DEADLINE = Duration.ofSeconds(15);

    private final FlowVersions flows;
    private final ActionCaller actions;
    private final Clock clock;
    private final String envName;
    private final FlowData data;
    private final Outgoing out;
    private final List<FlowLog.Line> log = new ArrayList<>();
    private final List<Consumer<Tx>> effects = new ArrayList<>();
    private FlowState state;
    private Flow flow;

    FlowRun(FlowVersions flows, ActionCaller actions, Clock clock, String envName, FlowData data, Outgoing out,
            FlowState state, Flow flow) {
        this.flows = flows;
        this.actions = actions;
        this.clock = clock;
        this.envName = envName;
        this.data = data;
        this.out = out;
        this.state = state;
        this.flow = flow;
    }

    FlowState state() {
        return state;
    }

    List<FlowLog.Line> log() {
        return log;
    }

    List<Consumer<Tx>> effects() {
        return effects;
    }

    void start() {
        run(flow.start());
    }

    void input(Input input) {
        Optional<Node> waiting = state.at().flatMap(flow::node);
        if (waiting.isEmpty()) {
            return;
        }
        switch (waiting.get()) {
            case Node.Choices choices -> choose(choices, input);
            case Node.Ask ask -> answer(ask, input);
            case Node.Forward forward when input instanceof Input.ForwardFailed -> {
                state = state.moving();
                forward.onFailed().ifPresent(this::run);
            }
            default -> { }
        }
    }

    private void choose(Node.Choices choices, Input input) {
        Optional<ChoiceOption> chosen;
        switch (input) {
            case Input.Click click -> chosen = choices.options().stream().filter(o -> o.id().equals(click.id()))
                    .findFirst().or(() -> ChoiceMatcher.match(choices.options(), click.label()));
            case Input.Text text -> chosen = ChoiceMatcher.match(choices.options(), text.text());
            case Input.ForwardFailed failed -> {
                return;
            }
        }
        state = state.moving();
        Optional<IntentRouter.Route> routed = chosen.isPresent() || !(input instanceof Input.Text text)
                ? Optional.empty() : intents().route(choices.id(), text.text(), choices.intents());
        if (chosen.isPresent()) {
            choices.save().ifPresent(variable -> data.set(variable, Json.MAPPER.getNodeFactory()
                    .textNode(chosen.get().id())));
            run(chosen.get().next());
        } else if (routed.isPresent()) {
            run(routed.get().target());
        } else if (choices.onNoMatch().isPresent()) {
            run(choices.onNoMatch().get());
        } else {
            out.text("Sorry, I did not get that. Please choose one of the options.",
                    Message.TextFormat.PLAIN);
            run(choices.id());
        }
    }

    private void answer(Node.Ask ask, Input input) {
        String text;
        switch (input) {
            case Input.Text t -> text = t.text();
            case Input.Click click -> text = click.label();
            case Input.ForwardFailed failed -> {
                return;
            }
        }
        Optional<IntentRouter.Route> routed = intents().route(ask.id(), text, ask.intents());
        if (routed.isPresent() || ask.noMatch().isPresent()) {
            if (routed.map(route -> !route.global()).orElse(true)) {
                keep(ask, text, intents().entities(ask.entities(), text));
            }
            state = state.moving();
            run(routed.map(IntentRouter.Route::target).orElseGet(() -> ask.noMatch().orElseThrow()));
            return;
        }
        Answers.Checked checked = ask.validate().map(rule -> Answers.check(rule.check(), text))
                .orElseGet(() -> Answers.anyText(text));
        Map<String, JsonNode> entities = intents().entities(ask.entities(), text);
        if (checked instanceof Answers.Checked.Accepted && entities.size() < ask.entities().size()) {
            checked = new Answers.Checked.Refused("I could not find " + String.join(" and ", ask.entities().entrySet()
                    .stream().filter(e -> !entities.containsKey(e.getKey())).map(Map.Entry::getValue).toList())
                    + " in that");
        }
        switch (checked) {
            case Answers.Checked.Accepted accepted -> {
                if (!ask.save().isEmpty()) {
                    data.set(ask.save(), accepted.value());
                }
                entities.forEach(data::set);
                state = state.moving();
                run(ask.next());
            }
            case Answers.Checked.Refused refused -> {
                int failures = state.failures() + 1;
                if (ask.retry().isPresent() && failures >= ask.retry().get().limit()) {
                    state = state.moving();
                    run(ask.retry().get().onInvalid());
                    return;
                }
                String error = ask.validate().flatMap(rule -> rule.error()).map(t -> Renderer.text(t, data))
                        .filter(e -> !e.isBlank()).orElse("Sorry, " + refused.reason() + ".");
                out.text(error, Message.TextFormat.PLAIN);
                out.text(Renderer.text(ask.question(), data), Message.TextFormat.PLAIN);
                state = state.waitingAt(ask.id(), failures);
            }
        }
    }

    /** Saves an answer routed by intent: the text as it is, and the entities found in it. */
    private void keep(Node.Ask ask, String text, Map<String, JsonNode> entities) {
        if (!ask.save().isEmpty()) {
            data.set(ask.save(), Json.MAPPER.getNodeFactory().textNode(text.strip()));
        }
        entities.forEach(data::set);
    }

    private IntentRouter intents() {
        return new IntentRouter(flow.nlu(), data, clock, log);
    }

    /** Runs nodes from {@code nodeId} until one waits or ends the session. */
    private void run(String nodeId) {
        Optional<String> next = Optional.of(nodeId);
        int count = 0;
        while (next.isPresent()) {
            if (++count > MAX_NODES) {
                log.add(FlowLog.Line.warn(next.get(), "the flow ran " + MAX_NODES + " nodes without waiting for"
                        + " the contact (a loop?); the conversation goes to the operators"));
                out.add("abort", Json.object());
                state = state.moving();
                return;
            }
            String id = next.get();
            Node node = flow.node(id).orElseThrow(() -> new IllegalStateException(
                    "flow " + flow.id() + " has no node " + id));
            next = step(node);
        }
    }

    /** Runs one node; the node to run next, or empty when the flow waits or is over. */
    private Optional<String> step(Node node) {
        return switch (node) {
            case Node.Say say -> {
                out.say(say.message(), data);
                yield Optional.of(say.next());
            }
            case Node.Choices choices -> {
                choices.say().media().ifPresent(m -> out.say(new Message(Optional.empty(),
                        choices.say().format(), Optional.of(m), List.of()), data));
                out.choices(choices.say().text().map(t -> Renderer.text(t, data)).orElse(""), choices.say().format(),
                        choices.options(), choices.rendering());
                state = state.waitingAt(choices.id(), 0);
                yield Optional.empty();
            }
            case Node.Ask ask -> {
                out.text(Renderer.text(ask.question(), data), Message.TextFormat.PLAIN);
                state = state.waitingAt(ask.id(), 0);
                yield Optional.empty();
            }
            case Node.Action action -> Optional.of(act(action));
            case Node.Branch branch -> Optional.of(branch.cases().stream()
                    .filter(c -> Conditions.holds(c.condition(), data)).map(Node.Case::next).findFirst()
                    .orElse(branch.otherwise()));
            case Node.SetVariables set -> {
                set.values().forEach((name, value) -> data.set(name, Renderer.value(value, data)));
                yield Optional.of(set.next());
            }
            case Node.ContactUpdate update -> {
                ObjectNode fields = Renderer.fields(update.fields(), data);
                out.add("contact_update", fields);
                ContactView.apply(data.contact(), fields);
                yield Optional.of(update.next());
            }
            case Node.ConversationUpdate update -> {
                ObjectNode fields = Renderer.fields(update.fields(), data);
                out.add("conversation_update", fields);
                ContactView.apply(data.conversation(), fields);
                yield Optional.of(update.next());
            }
            case Node.Note note -> {
                out.add("note_create", Json.object().put("body", Renderer.text(note.text(), data)));
                yield Optional.of(note.next());
            }
            case Node.Delay delay -> {
                out.delay(delay.seconds(), delay.typing());
                yield Optional.of(delay.next());
            }
            case Node.Forward forward -> {
                forward.say().ifPresent(m -> out.say(m, data));
                out.forward(forward.target(), forward.onFailed().isPresent());
                state = forward.onFailed().isPresent() ? state.waitingAt(forward.id(), 0) : state.moving();
                yield Optional.empty();
            }
            case Node.End end -> {
                end.say().ifPresent(m -> out.say(m, data));
                out.add("end", Json.object());
                state = state.moving();
                yield Optional.empty();
            }
            case Node.Abort abort -> {
                abort.say().ifPresent(m -> out.say(m, data));
                out.add("abort", Json.object());
                state = state.moving();
                yield Optional.empty();
            }
            case Node.Jump jump -> {
                jump.say().ifPresent(m -> out.say(m, data));
                yield jump(jump);
            }
        };
    }

    private Optional<String> jump(Node.Jump jump) {
        Optional<Versioned> target = flows.jump(flow, jump.flow());
        if (target.isEmpty()) {
            log.add(FlowLog.Line.warn(jump.id(), "flow '" + jump.flow() + "' is not loaded; the conversation goes"
                    + " to the operators"));
            out.add("abort", Json.object());
            state = state.moving();
            return Optional.empty();
        }
        flow = target.get().flow();
        state = state.inFlow(flow.id(), target.get().version());
        return Optional.of(flow.start());
    }

    /** Runs an action node; the node its outcome routes to. */
    private String act(Node.Action node) {
        Map<String, Object> params = Json.MAPPER.convertValue(Renderer.fields(node.with(), data),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        FlowLog.Collector collector = new FlowLog.Collector(node.id());
        ActionRequest request = new ActionRequest(node.id(), params, Json.MAPPER.convertValue(data.env(),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class)), envName,
                plain(data.variables()), plain(data.contact()), plain(data.conversation()), collector,
                clock.instant().plus(ACTION_DEADLINE));
        ActionCall call = UnsetEnv.in(node.with(), data, envName)
                .map(cause -> new ActionCall("error", Json.object(), Optional.of(cause), Optional.empty()))
                .orElseGet(() -> actions.call(node.action(), request));
        log.addAll(collector.close());
        log.add(call.cause().map(cause -> FlowLog.Line.warn(node.id(), "action " + node.action() + " → "
                + call.outcome() + ": " + cause)).orElseGet(() -> FlowLog.Line.info(node.id(), "action "
                + node.action() + " → " + call.outcome())));
        call.effect().ifPresent(effects::add);
        JsonNode saved = call.data();
        if (call.cause().isPresent() && saved.isObject() && !saved.has("error")) {
            saved = ((ObjectNode) saved.deepCopy()).put("error", call.cause().get());
        }
        JsonNode result = saved;
        node.save().ifPresent(variable -> data.set(variable, result));
        String outcome = call.outcome();
        return node.route(outcome).or(() -> node.route("error")).orElseThrow(() -> new IllegalStateException(
                "action node " + node.id() + " has no route for " + outcome));
    }

    private static Map<String, Object> plain(ObjectNode node) {
        return java.util.Collections.unmodifiableMap(Json.MAPPER.convertValue(node,
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }
}
