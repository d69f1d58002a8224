package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a choices node: its options, their rendering and the routes of the choice. */
final class ChoiceParser {

    private static final List<String> OPTION_KEYS = List.of("id", "label", "next", "synonyms");
    private static final List<String> RENDER = List.of("auto", "buttons", "list", "bubbles");
    /** Longest option label the Chatbot API accepts. */
    private static final int LABEL_LIMIT = 256;

    /** An option with the YAML it was read from, for problems about its label. */
    private record Read(ChoiceOption option, YamlNode item) {
    }

    private final ParseContext context;
    private final MessageParser messages;

    ChoiceParser(ParseContext context, MessageParser messages) {
        this.context = context;
        this.messages = messages;
    }

    Node.Choices parse(String id, int line, YamlNode node) {
        if (context.optional(node, "say").isEmpty()) {
            context.problems.error(node.line(), node.path() + ".say", "missing say: the question above the options");
        }
        Message say = messages.optional(node)
                .orElse(new Message(Optional.empty(), Message.TextFormat.PLAIN, Optional.empty(), List.of()));
        List<Read> options = context.required(node, "choices").map(list -> options(id, list)).orElse(List.of());
        ChoiceRendering rendering = rendering(node, options);
        Optional<String> save = context.optional(node, "save").map(context::variable);
        Optional<String> onNoMatch = RouteParser.route(context, id, node, "no_match", List.of("no_match", "intent"));
        return new Node.Choices(id, line, say, options.stream().map(Read::option).toList(), rendering, save,
                onNoMatch, context.nlu.nodeRoutes(context, id, node));
    }

    private List<Read> options(String id, YamlNode list) {
        if (!list.isList()) {
            context.problems.error(list, "choices is a list of options such as"
                    + " - { id: yes, label: Yes, next: thanks }");
            return List.of();
        }
        List<YamlNode> items = list.items();
        if (items.isEmpty()) {
            context.problems.error(list, "a choice needs at least one option");
        } else if (items.size() > ChoiceRendering.MAX_OPTIONS) {
            context.problems.error(list, "a choice has at most " + ChoiceRendering.MAX_OPTIONS + " options, this one"
                    + " has " + items.size() + ": split it, for example with a 'More…' option leading to a second"
                    + " choices node");
        }
        List<Read> options = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> labels = new HashMap<>();
        for (YamlNode item : items) {
            if (!Shapes.isMapping(item)) {
                context.problems.error(item, "an option is a mapping such as { id: yes, label: Yes, next: thanks }");
                continue;
            }
            context.keys(item, OPTION_KEYS);
            String optionId = context.required(item, "id").map(value -> unique(value, ids, "id")).orElse("");
            String label = context.required(item, "label").map(this::label).map(value -> unique(value, labels, "label"))
                    .orElse("");
            String next = context.optional(item, "next").map(value -> context.target(id, value)).orElseGet(() -> {
                context.problems.error(item.line(), item.path() + ".next", "missing next: name the node that follows"
                        + " when this option is chosen");
                return "";
            });
            List<String> synonyms = context.optional(item, "synonyms")
                    .map(value -> context.problems.read(value::asStringList, List.<String>of())).orElse(List.of());
            options.add(new Read(new ChoiceOption(optionId, label, next, synonyms), item));
        }
        return options;
    }

    private YamlNode label(YamlNode value) {
        int length = context.problems.read(value::asString, "").length();
        if (length > LABEL_LIMIT) {
            context.problems.error(value, "the label has " + length + " characters; an option label has at most "
                    + LABEL_LIMIT);
        }
        return value;
    }

    private String unique(YamlNode value, Map<String, Integer> seen, String what) {
        String text = context.text(value);
        Integer first = seen.putIfAbsent(text.toLowerCase(Locale.ROOT), value.line());
        if (first != null && !text.isBlank()) {
            context.problems.error(value, "duplicate option " + what + " '" + text + "' (first on line " + first + ")");
        }
        return text;
    }

    private ChoiceRendering rendering(YamlNode node, List<Read> options) {
        Optional<YamlNode> render = context.optional(node, "render");
        String mode = render.map(context::text).orElse("auto");
        ChoiceRendering rendering = switch (mode) {
            case "auto", "" -> ChoiceRendering.auto(options.stream().map(Read::option).toList());
            case "buttons" -> ChoiceRendering.BUTTON_TEMPLATE;
            case "list" -> ChoiceRendering.LIST_TEMPLATE;
            case "bubbles" -> ChoiceRendering.BUBBLES;
            default -> {
                context.problems.error(render.orElse(node), "render is one of " + String.join(", ", RENDER) + ", not '"
                        + mode + "'" + Suggestions.didYouMean(mode, RENDER));
                yield ChoiceRendering.BUBBLES;
            }
        };
        render.filter(value -> RENDER.contains(mode) && !mode.equals("auto"))
                .ifPresent(value -> checkLimits(value, mode, rendering, options));
        return rendering;
    }

    private void checkLimits(YamlNode render, String mode, ChoiceRendering rendering, List<Read> options) {
        if (options.size() > rendering.maxOptions()) {
            context.problems.error(render, "render: " + mode + " (a " + rendering.eventName() + ") takes at most "
                    + rendering.maxOptions() + " options, this choice has " + options.size()
                    + ": remove options, or use render: auto to pick the form by count");
        }
        if (!rendering.limitsLabels()) {
            return;
        }
        for (Read read : options) {
            int length = read.option().label().length();
            if (length > ChoiceRendering.LABEL_MAX) {
                YamlNode label = context.optional(read.item(), "label").orElse(read.item());
                context.problems.error(label, "the label has " + length + " characters; render: " + mode
                        + " allows at most " + ChoiceRendering.LABEL_MAX + " (the messaging channels' limit): shorten"
                        + " it or use render: bubbles");
            }
        }
    }
}
