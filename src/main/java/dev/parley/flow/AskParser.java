package dev.parley.flow;

import dev.parley.config.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an ask node: the question, the variable, the check and the retry limit. */
final class AskParser {

    /** Failed answers allowed when only {@code on: { invalid: … }} is given. */
    static final int DEFAULT_RETRY = 3;
    static final int MAX_RETRY = 10;
    private static final List<String> ON_KEYS = List.of("invalid", "intent", "no_match");

    private final ParseContext context;
    private final CheckParser checks;

    AskParser(ParseContext context) {
        this.context = context;
        this.checks = new CheckParser(context);
    }

    Node.Ask parse(String id, int line, YamlNode node) {
        Template question = context.required(node, "ask").map(context::nonBlankTemplate).orElse(Template.empty());
        Optional<YamlNode> saveNode = context.optional(node, "save");
        if (saveNode.isEmpty()) {
            context.problems.error(node.line(), node.path() + ".save", "missing save: name the variable that"
                    + " receives the answer, as in save: first_name, or map variables to entities, as in"
                    + " save: { order: order_id }");
        }
        Map<String, String> entities = saveNode.filter(Shapes::isMapping).map(this::entities).orElse(Map.of());
        String save = saveNode.filter(value -> !Shapes.isMapping(value)).map(context::variable).orElse("");
        Optional<AnswerCheck.Rule> validate = context.optional(node, "validate").map(checks::rule);
        Optional<AnswerCheck.Retry> retry = retry(id, node, validate.isPresent());
        Map<String, String> intents = context.nlu.nodeRoutes(context, id, node);
        Optional<String> noMatch = RouteParser.route(context, id, node, "no_match", ON_KEYS);
        if (noMatch.isPresent() && intents.isEmpty()) {
            context.problems.error(node, "on.no_match is where an answer without a recognised intent goes; it needs"
                    + " on: { intent: { … } }");
        }
        String next;
        if (noMatch.isPresent()) {
            context.optional(node, "next").ifPresent(value -> context.problems.error(value, "with on.no_match every"
                    + " answer without a recognised intent goes there, so next is never taken: remove it"));
            next = noMatch.get();
        } else {
            next = NodeParser.next(context, id, node);
        }
        return new Node.Ask(id, line, question, save, validate, retry, next, intents, noMatch, entities);
    }

    /** {@code save: { variable: entity }}. */
    private Map<String, String> entities(YamlNode save) {
        Map<String, String> entities = new LinkedHashMap<>();
        context.entries(save).forEach((variable, entity) -> {
            String name = context.text(entity);
            context.nlu.useEntity(name, entity);
            entities.put(context.variable(variable, entity), name);
        });
        if (entities.isEmpty()) {
            context.problems.error(save, "save: { } names no variable; write save: { order: order_id }");
        }
        return entities;
    }

    private Optional<AnswerCheck.Retry> retry(String id, YamlNode node, boolean validated) {
        Optional<YamlNode> limit = context.optional(node, "retry");
        Optional<String> onInvalid = RouteParser.route(context, id, node, "invalid", ON_KEYS);
        if (!validated && (limit.isPresent() || onInvalid.isPresent())) {
            YamlNode at = limit.orElse(node);
            context.problems.error(at, "retry and on.invalid count failed answers, which needs validate:"
                    + " (without it every non-empty answer is accepted)");
            return Optional.empty();
        }
        if (limit.isPresent() && onInvalid.isEmpty()) {
            context.problems.error(limit.get(), "retry needs on: { invalid: <node> }, the node that follows after"
                    + " the last failed answer");
            return Optional.empty();
        }
        return onInvalid.map(target -> new AnswerCheck.Retry(
                limit.map(value -> context.integer(value, 1, MAX_RETRY, DEFAULT_RETRY)).orElse(DEFAULT_RETRY), target));
    }
}
