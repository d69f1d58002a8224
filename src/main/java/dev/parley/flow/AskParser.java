package dev.parley.flow;

import dev.parley.config.YamlNode;
import java.util.Optional;

/** Reads an ask node: the question, the variable, the check and the retry limit. */
final class AskParser {

    /** Failed answers allowed when only {@code on: { invalid: … }} is given. */
    static final int DEFAULT_RETRY = 3;
    static final int MAX_RETRY = 10;

    private final ParseContext context;
    private final CheckParser checks;

    AskParser(ParseContext context) {
        this.context = context;
        this.checks = new CheckParser(context);
    }

    Node.Ask parse(String id, int line, YamlNode node) {
        Template question = context.required(node, "ask").map(context::nonBlankTemplate).orElse(Template.empty());
        String save = context.optional(node, "save").map(context::variable).orElseGet(() -> {
            context.problems.error(node.line(), node.path() + ".save", "missing save: name the variable that"
                    + " receives the answer, as in save: first_name");
            return "";
        });
        Optional<AnswerCheck.Rule> validate = context.optional(node, "validate").map(checks::rule);
        Optional<AnswerCheck.Retry> retry = retry(id, node, validate.isPresent());
        return new Node.Ask(id, line, question, save, validate, retry, NodeParser.next(context, id, node));
    }

    private Optional<AnswerCheck.Retry> retry(String id, YamlNode node, boolean validated) {
        Optional<YamlNode> limit = context.optional(node, "retry");
        Optional<String> onInvalid = RouteParser.route(context, id, node, "invalid");
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
