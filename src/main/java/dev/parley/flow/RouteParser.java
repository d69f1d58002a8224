package dev.parley.flow;

import dev.parley.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads branch ({@code if}) and forward nodes, and the fixed {@code on:} routes of other kinds. */
final class RouteParser {

    private static final List<String> TARGETS = List.of("group", "skills", "any");

    private final ParseContext context;
    private final MessageParser messages;

    RouteParser(ParseContext context, MessageParser messages) {
        this.context = context;
        this.messages = messages;
    }

    /** The node of {@code on: { <outcome>: node }} for a kind whose only route is {@code outcome}. */
    static Optional<String> route(ParseContext context, String from, YamlNode node, String outcome) {
        return route(context, from, node, outcome, List.of(outcome));
    }

    /** As {@link #route(ParseContext, String, YamlNode, String)}, for a kind whose {@code on:} takes the keys {@code allowed}. */
    static Optional<String> route(ParseContext context, String from, YamlNode node, String outcome,
            List<String> allowed) {
        Optional<YamlNode> on = context.optional(node, "on");
        if (on.isPresent() && !Shapes.isMapping(on.get())) {
            context.problems.error(on.get(), "on is a mapping such as on: { " + outcome + ": <node> }");
            return Optional.empty();
        }
        on.ifPresent(routes -> context.keys(routes, allowed));
        return on.flatMap(routes -> context.optional(routes, outcome)).map(value -> context.target(from, value));
    }

    Node.Branch branch(String id, int line, YamlNode node) {
        List<Node.Case> cases = new ArrayList<>();
        context.required(node, "if").ifPresent(list -> {
            if (!list.isList() || list.items().isEmpty()) {
                context.problems.error(list, "if is a list of cases such as - { when: \"age >= 18\", next: adult }");
                return;
            }
            for (YamlNode item : list.items()) {
                if (!Shapes.isMapping(item)) {
                    context.problems.error(item, "a case is a mapping such as { when: \"age >= 18\", next: adult }");
                    continue;
                }
                context.keys(item, List.of("when", "next"));
                Optional<YamlNode> when = context.required(item, "when");
                cases.add(new Node.Case(when.map(context::text).orElse(""),
                        when.map(context::expression).orElse(new Expression.BooleanLiteral(false)),
                        NodeParser.next(context, id, item)));
            }
        });
        String otherwise = context.optional(node, "else").map(value -> context.target(id, value)).orElseGet(() -> {
            context.problems.error(node.line(), node.path() + ".else", "missing else: name the node that follows"
                    + " when no case holds");
            return "";
        });
        return new Node.Branch(id, line, cases, otherwise);
    }

    Node.Forward forward(String id, int line, YamlNode node) {
        Optional<Message> say = messages.optional(node);
        Optional<YamlNode> forward = context.required(node, "forward");
        ForwardTarget target = forward.map(this::target).orElse(new ForwardTarget.Any());
        boolean feedback = forward.filter(Shapes::isMapping).flatMap(value -> context.optional(value, "on_failure"))
                .map(this::feedback).orElse(false);
        Optional<String> onFailed = route(context, id, node, "forward_failed");
        if (feedback && onFailed.isEmpty()) {
            context.problems.error(forward.orElseThrow(), "on_failure: feedback needs on: { forward_failed: <node> },"
                    + " the node that follows when no operator is available");
        } else if (!feedback && onFailed.isPresent()) {
            context.problems.error(node, "on.forward_failed is only reached with on_failure: feedback in forward:;"
                    + " without it a failed forward leaves the conversation to the inbox");
        }
        return new Node.Forward(id, line, say, target, onFailed);
    }

    private ForwardTarget target(YamlNode forward) {
        if (!Shapes.isMapping(forward)) {
            context.problems.error(forward, "forward is a mapping such as { group: support }, { skills: [billing] }"
                    + " or { any: true }");
            return new ForwardTarget.Any();
        }
        List<String> allowed = new ArrayList<>(TARGETS);
        allowed.add("on_failure");
        context.keys(forward, allowed);
        List<String> named = context.entries(forward).keySet().stream().filter(TARGETS::contains).toList();
        if (named.size() != 1) {
            context.problems.error(forward, "forward needs exactly one of group, skills or any"
                    + (named.isEmpty() ? "" : ", got " + String.join(" and ", named)));
            return new ForwardTarget.Any();
        }
        YamlNode value = context.optional(forward, named.get(0)).orElse(forward);
        return switch (named.get(0)) {
            case "group" -> new ForwardTarget.Group(context.text(value));
            case "skills" -> new ForwardTarget.Skills(skills(value));
            default -> {
                if (!context.flag(value, true)) {
                    context.problems.error(value, "any: false means nothing; write any: true");
                }
                yield new ForwardTarget.Any();
            }
        };
    }

    private List<String> skills(YamlNode value) {
        List<String> skills = context.problems.read(value::asStringList, List.of());
        if (value.isList() && skills.isEmpty()) {
            context.problems.error(value, "skills needs at least one skill");
        }
        return skills;
    }

    private boolean feedback(YamlNode value) {
        String mode = context.text(value);
        if (!mode.equals("feedback")) {
            context.problems.error(value, "on_failure is 'feedback' (the flow goes on at on.forward_failed); remove it"
                    + " to leave a failed forward to the inbox");
        }
        return true;
    }
}
