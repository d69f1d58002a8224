package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one node: finds its kind, checks its keys and builds it (the larger kinds have their own readers). */
final class NodeParser {

    private static final Pattern FILE = Pattern.compile(".+\\.(ya?ml|json)");

    private final ParseContext context;
    private final MessageParser messages;
    private final ChoiceParser choices;
    private final AskParser asks;
    private final ActionParser actions;
    private final RouteParser routes;
    private final UpdateParser updates;

    NodeParser(ParseContext context) {
        this.context = context;
        this.messages = new MessageParser(context);
        this.choices = new ChoiceParser(context, messages);
        this.asks = new AskParser(context);
        this.actions = new ActionParser(context);
        this.routes = new RouteParser(context, messages);
        this.updates = new UpdateParser(context);
    }

    /** The node {@code id} written on {@code line}, unless its kind cannot be told (the problem is recorded). */
    Optional<Node> parse(String id, int line, YamlNode node) {
        if (!Shapes.isMapping(node)) {
            context.problems.error(node, node.isNull() ? "empty node: give it a kind, such as say: or ask:"
                    : "a node is a mapping of keys such as say: and next:, got " + Shapes.describe(node));
            return Optional.empty();
        }
        Optional<Map<String, YamlNode>> entries =
                context.problems.read(() -> Optional.of(node.entries()), Optional.empty());
        return entries.flatMap(keys -> kind(node, keys)).map(kind -> build(kind, id, line, node));
    }

    private Optional<NodeKind> kind(YamlNode node, Map<String, YamlNode> entries) {
        List<NodeKind> named = entries.keySet().stream().map(NodeKind::named).flatMap(Optional::stream).toList();
        if (named.size() > 1) {
            context.problems.error(entries.get(named.get(1).key()), "a node has one kind, but this one has '"
                    + named.get(0).key() + "' and '" + named.get(1).key() + "': split it into two nodes joined by"
                    + " next");
            return Optional.empty();
        }
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        if (entries.keySet().stream().anyMatch(MessageParser.KEYS::contains)) {
            return Optional.of(NodeKind.SAY);
        }
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            Optional<String> match = Suggestions.closest(entry.getKey(), NodeKind.kindKeys());
            if (match.isPresent()) {
                context.problems.error(entry.getValue(), "unknown node kind '" + entry.getKey() + "'; did you mean '"
                        + match.get() + "'?");
                return Optional.empty();
            }
        }
        context.problems.error(node, "unknown node kind: a node needs one of "
                + String.join(", ", NodeKind.kindKeys()));
        return Optional.empty();
    }

    private Node build(NodeKind kind, String id, int line, YamlNode node) {
        checkKeys(kind, node);
        return switch (kind) {
            case SAY -> new Node.Say(id, line, messages.message(node), next(context, id, node));
            case CHOICES -> choices.parse(id, line, node);
            case ASK -> asks.parse(id, line, node);
            case ACTION -> actions.parse(id, line, node);
            case BRANCH -> routes.branch(id, line, node);
            case SET -> new Node.SetVariables(id, line, updates.variables(node), next(context, id, node));
            case CONTACT_UPDATE -> new Node.ContactUpdate(id, line, updates.contact(node), next(context, id, node));
            case CONVERSATION_UPDATE ->
                    new Node.ConversationUpdate(id, line, updates.conversation(node), next(context, id, node));
            case NOTE -> new Node.Note(id, line,
                    context.required(node, "note").map(context::nonBlankTemplate).orElse(Template.empty()),
                    next(context, id, node));
            case DELAY -> new Node.Delay(id, line,
                    context.required(node, "delay").map(value -> context.integer(value, 1, 30, 1)).orElse(1),
                    context.optional(node, "typing").map(value -> context.flag(value, true)).orElse(true),
                    next(context, id, node));
            case FORWARD -> routes.forward(id, line, node);
            case END -> new Node.End(id, line, finish(kind, node));
            case ABORT -> new Node.Abort(id, line, finish(kind, node));
            case JUMP -> new Node.Jump(id, line, messages.optional(node), jump(id, node));
        };
    }

    /** The {@code next} of a node that continues; a problem when it is missing. */
    static String next(ParseContext context, String id, YamlNode node) {
        Optional<YamlNode> next = context.optional(node, "next");
        if (next.isEmpty()) {
            context.problems.error(node.line(), node.path() + ".next", "missing next: name the node that follows"
                    + " (a flow finishes only at an end, abort, forward or jump node)");
            return "";
        }
        return context.target(id, next.get());
    }

    private void checkKeys(NodeKind kind, YamlNode node) {
        List<String> allowed = new ArrayList<>(kind.keys());
        kind.withoutNext().ifPresent(reason -> {
            context.optional(node, "next").ifPresent(next ->
                    context.problems.error(next, kind.described() + " takes no next: " + reason));
            allowed.add("next");
        });
        if (!kind.carriesMessage()) {
            for (String key : MessageParser.KEYS) {
                context.optional(node, key).ifPresent(value -> context.problems.error(value, kind.described()
                        + " cannot carry " + key + ": put the message in a say node before it"));
                allowed.add(key);
            }
        }
        context.keys(node, allowed);
    }

    private Optional<Message> finish(NodeKind kind, YamlNode node) {
        context.required(node, kind.key()).ifPresent(value -> {
            if (!context.flag(value, true)) {
                context.problems.error(value, kind.key() + ": false means nothing; write " + kind.key()
                        + ": true, or remove the key and give the node another kind");
            }
        });
        return messages.optional(node);
    }

    private String jump(String id, YamlNode node) {
        Optional<YamlNode> value = context.required(node, "jump");
        String target = value.map(context::text).orElse("");
        if (value.isPresent() && !target.isBlank()) {
            if (FILE.matcher(target).matches()) {
                context.jump(id, target, value.get());
            } else if (!FlowParser.ID.matcher(target).matches()) {
                context.problems.error(value.get(), "'" + target + "' is neither a flow id nor a flow file"
                        + " (a path ending in .yml, .yaml or .json)");
            }
        }
        return target;
    }
}
