package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ParameterProblem;
import dev.parley.flow.spi.WrittenValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an action node: which action, its parameters, and a route for every outcome it can produce. */
final class ActionParser {

    /** Outcomes every action can produce, so every action node routes them (or has a default route). */
    static final List<String> OUTCOMES = List.of("success", "error");
    static final String DEFAULT_ROUTE = "default";

    private final ParseContext context;

    ActionParser(ParseContext context) {
        this.context = context;
    }

    Node.Action parse(String id, int line, YamlNode node) {
        Optional<YamlNode> name = context.required(node, "action");
        String action = name.map(context::text).orElse("");
        if (name.isPresent() && !action.isBlank() && !context.actions.containsKey(action)) {
            context.problems.error(name.get(), "unknown action '" + action + "'"
                    + Suggestions.didYouMean(action, context.actions.keySet())
                    + " (known: " + String.join(", ", context.actions.keySet().stream().sorted().toList()) + ")");
        }
        Optional<YamlNode> withNode = context.optional(node, "with");
        ActionParameters declared = context.actions.get(action);
        boolean keepTypes = declared != null && declared.keepsTypes();
        Map<String, Value> with = withNode.map(w -> parameters(w, keepTypes)).orElse(Map.of());
        if (declared != null && withNode.map(Shapes::isMapping).orElse(true)) {
            check(node, withNode, action, declared, with);
            with = encodingUrls(with, declared);
        }
        Optional<String> save = context.optional(node, "save").map(context::variable);
        return new Node.Action(id, line, action, with, save, routes(id, node, action));
    }

    /** Reports what the action's parameters tell of {@code with} before the flow runs, each at its key's line. */
    private void check(YamlNode node, Optional<YamlNode> withNode, String action, ActionParameters declared,
            Map<String, Value> with) {
        Map<String, WrittenValue> written = new LinkedHashMap<>();
        with.forEach((key, value) -> written.put(key, WrittenValues.of(value)));
        List<ParameterProblem> problems = declared.checkWritten(action, written);
        if (problems.isEmpty()) {
            return;
        }
        Map<String, Integer> nodeKeys = KeyLines.of(node);
        Map<String, Integer> withKeys = withNode.map(KeyLines::of).orElse(Map.of());
        int withLine = nodeKeys.getOrDefault("with", nodeKeys.getOrDefault("action", node.line()));
        String withPath = node.path() + ".with";
        for (ParameterProblem problem : problems) {
            if (problem.parameter().isEmpty()) {
                context.problems.error(withLine, withPath, problem.message());
            } else {
                context.problems.error(withKeys.getOrDefault(problem.parameter(), withLine),
                        withPath + "." + problem.parameter(), problem.message());
            }
        }
    }

    /** {@code with}, the templates of the parameters the action declares as URLs encoding their values. */
    private static Map<String, Value> encodingUrls(Map<String, Value> with, ActionParameters declared) {
        Map<String, Value> encoding = new LinkedHashMap<>(with);
        declared.parameters().stream()
                .filter(parameter -> parameter.rule().isUrl())
                .forEach(parameter -> encoding.computeIfPresent(parameter.name(), (name, value) ->
                        value instanceof Value.Text text ? new Value.Text(text.template().inUrl()) : value));
        return encoding;
    }

    private Map<String, Value> parameters(YamlNode with, boolean keepTypes) {
        if (!Shapes.isMapping(with)) {
            context.problems.error(with, "with is a mapping of the action's parameters, as in with: { url: … }");
            return Map.of();
        }
        Map<String, Value> parameters = new LinkedHashMap<>();
        context.entries(with).forEach((key, value) -> parameters.put(key, context.value(value, keepTypes)));
        return parameters;
    }

    private Map<String, String> routes(String id, YamlNode node, String action) {
        Map<String, String> routes = new LinkedHashMap<>();
        Optional<YamlNode> on = context.optional(node, "on");
        if (on.isPresent() && !Shapes.isMapping(on.get())) {
            context.problems.error(on.get(), "on is a mapping of outcomes to nodes, as in on: { success: next_step,"
                    + " error: sorry }");
        } else {
            on.ifPresent(mapping -> context.entries(mapping).forEach((outcome, target) ->
                    routes.put(outcome, context.target(id, target))));
        }
        context.optional(node, "next").ifPresent(next -> {
            if (routes.containsKey(DEFAULT_ROUTE)) {
                context.problems.error(next, "next is the default route, and on.default is given too: keep one");
            } else {
                routes.put(DEFAULT_ROUTE, context.target(id, next));
            }
        });
        if (!routes.containsKey(DEFAULT_ROUTE)) {
            List<String> missing = OUTCOMES.stream().filter(outcome -> !routes.containsKey(outcome)).toList();
            if (!missing.isEmpty()) {
                String message = missingRoutes(missing, action, routes.keySet());
                on.filter(Shapes::isMapping).ifPresentOrElse(mapping -> context.problems.error(mapping, message),
                        () -> context.problems.error(node.line(), node.path() + ".on", message));
            }
        }
        return routes;
    }

    private static String missingRoutes(List<String> missing, String action, Set<String> given) {
        String first = missing.get(0);
        String misspelt = missing.stream()
                .flatMap(outcome -> Suggestions.closest(outcome, given).map(key -> "; is '" + key + "' meant to be '"
                        + outcome + "'?").stream())
                .findFirst()
                .orElse("");
        return "no route for outcome " + String.join(" and ", missing.stream().map(o -> "'" + o + "'").toList())
                + " of action '" + action + "': add on: { " + first + ": <node> }, or on: { default: <node> } for"
                + " every outcome without a route of its own" + misspelt;
    }
}
