package dev.parley.flow;

import dev.parley.config.YamlNode;
import dev.parley.flow.Message.LinkButton;
import dev.parley.flow.Message.Media;
import dev.parley.flow.Message.MediaType;
import dev.parley.flow.Message.TextFormat;
import java.util.List;
import java.util.Optional;

/** Reads {@code say}, {@code text_format}, {@code media} and {@code buttons} of a node. */
final class MessageParser {

    /** Keys of the message a node may carry. */
    static final List<String> KEYS = List.of("say", "text_format", "media", "buttons");

    private final ParseContext context;

    MessageParser(ParseContext context) {
        this.context = context;
    }

    /** The node's message, when it has any of the message keys. */
    Optional<Message> optional(YamlNode node) {
        boolean present = context.entries(node).keySet().stream().anyMatch(MessageParser.KEYS::contains);
        return present ? Optional.of(message(node)) : Optional.empty();
    }

    Message message(YamlNode node) {
        Optional<Template> text = context.optional(node, "say").map(this::text);
        Optional<YamlNode> format = context.optional(node, "text_format");
        Optional<Media> media = context.optional(node, "media").map(this::media);
        List<LinkButton> buttons = context.optional(node, "buttons").map(this::buttons).orElse(List.of());
        if (text.isEmpty() && media.isEmpty() && buttons.isEmpty()) {
            context.problems.error(node, "nothing to say: add say:, media: or buttons:");
        }
        if (format.isPresent() && text.isEmpty()) {
            context.problems.error(format.get(), "text_format applies to the say: text, which is missing");
        }
        TextFormat textFormat = format
                .map(value -> context.problems.read(() -> value.asEnum(TextFormat.class), TextFormat.PLAIN))
                .orElse(TextFormat.PLAIN);
        if (textFormat == TextFormat.PLAIN) {
            text.flatMap(t -> Prose.markdownMark(t.source())).ifPresent(mark -> {
                YamlNode say = context.optional(node, "say").orElse(node);
                context.problems.warning(say.line(), say.path(), "'" + mark + "' looks like markdown, which a plain"
                        + " text shows as it is: add text_format: markdown_v1");
            });
        }
        return new Message(text, textFormat, media, buttons);
    }

    private Template text(YamlNode value) {
        Template text = context.prose(value);
        if (text.source().length() > Message.MAX_TEXT) {
            context.problems.error(value, "the text has " + text.source().length() + " characters; a message has"
                    + " at most " + Message.MAX_TEXT + ": split it over several say nodes");
        }
        return text;
    }

    private Media media(YamlNode value) {
        if (!Shapes.isMapping(value)) {
            context.problems.error(value, "media is a mapping such as { url: https://…/a.png, type: image }");
            return new Media(Template.empty(), Optional.empty());
        }
        context.keys(value, List.of("url", "type"));
        Template url = context.required(value, "url").map(context::nonBlankTemplate)
                .orElse(Template.empty());
        Optional<MediaType> type = context.optional(value, "type")
                .flatMap(node -> context.problems.read(() -> Optional.of(node.asEnum(MediaType.class)),
                        Optional.empty()));
        return new Media(url, type);
    }

    private List<LinkButton> buttons(YamlNode value) {
        List<YamlNode> items = context.problems.read(value::items, List.of());
        if (value.isList() && (items.isEmpty() || items.size() > Message.MAX_BUTTONS)) {
            context.problems.error(value, "a message has 1 to " + Message.MAX_BUTTONS + " buttons, got "
                    + items.size());
        }
        return items.stream().map(this::button).toList();
    }

    private LinkButton button(YamlNode item) {
        if (!Shapes.isMapping(item)) {
            context.problems.error(item, "a button is a mapping such as { label: Open, url: https://… }");
            return new LinkButton("", Template.empty());
        }
        context.keys(item, List.of("label", "url"));
        String label = context.required(item, "label").map(context::text).orElse("");
        Template url = context.required(item, "url").map(context::nonBlankTemplate).orElse(Template.empty());
        return new LinkButton(label, url);
    }
}
