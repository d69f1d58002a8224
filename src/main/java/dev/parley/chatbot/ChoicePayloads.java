package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.conversation.PacketCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the events that show something to the contact: message and the choice messages. */
final class ChoicePayloads {
    static final int MAX_BODY = 5000;
    private static final int MAX_LABEL = 256;
    private static final List<String> TEXT_FORMATS = List.of("plain", "markdown_v1");

    private ChoicePayloads() {}

    static BotAction message(PayloadReader r) {
        r.requiredString("body", 1, MAX_BODY);
        textFormat(r);
        return new BotAction.Say(PacketCodec.read("message", r.node()));
    }

    /**
     * {@code markdown} is taken as {@code markdown_v1}; any other unknown format shows the text as
     * plain, with a notice, rather than losing the message.
     */
    private static void textFormat(PayloadReader r) {
        JsonNode format = r.node().get("text_format");
        if (format == null || format.isNull() || TEXT_FORMATS.contains(format.asText()) && format.isTextual()) {
            return;
        }
        if (format.isTextual() && format.asText().equals("markdown")) {
            r.node().put("text_format", "markdown_v1");
            return;
        }
        r.notice(EventNotice.TEXT_FORMAT, "text_format", "'" + format.asText() + "' is not a text format (plain,"
                + " markdown_v1); the message is shown as plain text");
        r.node().put("text_format", "plain");
    }

    static BotAction bubbles(PayloadReader r) {
        r.optionalString("body", 0, MAX_BODY);
        textFormat(r);
        options(r, 1, 20);
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(PacketCodec.read("bubbles", r.node()));
    }

    static BotAction buttonTemplate(PayloadReader r) {
        r.optionalObject("header").ifPresent(h -> header(new PayloadReader(h, r.at("header"))));
        r.requiredString("body", 1, MAX_BODY);
        textFormat(r);
        r.optionalString("footer", 0, 1000);
        options(r, 1, 3);
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(PacketCodec.read("button_template", r.node()));
    }

    static BotAction carousel(PayloadReader r) {
        r.optionalString("body", 0, MAX_BODY);
        ArrayNode options = options(r, 1, 10);
        for (int i = 0; i < options.size(); i++) {
            LinkPayloads.url(new PayloadReader(options.get(i), r.at("options") + "[" + i + "]"), "image_url");
        }
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(PacketCodec.read("carousel", r.node()));
    }

    static BotAction listTemplate(PayloadReader r) {
        r.optionalString("headline", 0, 1000);
        r.requiredString("body", 1, MAX_BODY);
        textFormat(r);
        r.requiredString("button", 1, 100);
        r.optionalString("footer", 0, 1000);
        r.optionalString("list_headline", 0, 1000);
        ArrayNode options = options(r, 1, 10);
        for (int i = 0; i < options.size(); i++) {
            new PayloadReader(options.get(i), r.at("options") + "[" + i + "]").optionalString("description", 0, 1000);
        }
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(PacketCodec.read("list_template", r.node()));
    }

    private static void header(PayloadReader h) {
        String type = h.optionalEnum("type", List.of("text", "image", "video", "document"))
                .orElseThrow(() -> PayloadReader.invalid(h.at("type"), "is required: text, image, video or document"));
        if (type.equals("text")) {
            h.requiredString("text", 1, 1000);
        } else {
            LinkPayloads.url(h, "url");
        }
    }

    /** Checks {@code options}: count, unique string ids, labels. */
    static ArrayNode options(PayloadReader r, int min, int max) {
        ArrayNode options = r.requiredArray("options", min, max);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            PayloadReader o = new PayloadReader(options.get(i), r.at("options") + "[" + i + "]");
            JsonNode id = o.node().get("id");
            if (id != null && id.isNumber()) {
                o.node().put("id", id.asText());
            }
            String optionId = o.requiredString("id", 1, MAX_LABEL);
            o.requiredString("label", 1, MAX_LABEL);
            if (!ids.add(optionId)) {
                throw PayloadReader.invalid(o.at("id"), "'" + optionId + "' is used by an earlier option; ids must be unique");
            }
        }
        return options;
    }
}
