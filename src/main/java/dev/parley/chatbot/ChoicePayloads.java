package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.conversation.Packet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the events that show something to the contact: message and the choice messages. */
final class ChoicePayloads {
    static final int MAX_BODY = 5000;
    private static final int MAX_LABEL = 256;

    private ChoicePayloads() {}

    static BotAction message(PayloadReader r) {
        r.requiredString("body", 1, MAX_BODY);
        r.optionalEnum("text_format", List.of("plain", "markdown_v1"));
        return new BotAction.Say(new Packet("message", r.node().deepCopy()));
    }

    static BotAction bubbles(PayloadReader r) {
        r.optionalString("body", 0, MAX_BODY);
        options(r, 1, 20);
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(new Packet("bubbles", r.node().deepCopy()));
    }

    static BotAction buttonTemplate(PayloadReader r) {
        r.optionalObject("header").ifPresent(h -> header(new PayloadReader(h, r.at("header"))));
        r.requiredString("body", 1, MAX_BODY);
        r.optionalString("footer", 0, 1000);
        options(r, 1, 3);
        r.requiredString("fallback", 1, MAX_BODY);
        return new BotAction.Say(new Packet("button_template", r.node().deepCopy()));
    }

    private static void header(PayloadReader h) {
        String type = h.optionalEnum("type", List.of("text", "image", "video", "document"))
                .orElseThrow(() -> PayloadReader.invalid(h.at("type"), "is required: text, image, video or document"));
        if (type.equals("text")) {
            h.requiredString("text", 1, 1000);
        } else {
            String url = h.requiredString("url", 1, 2000);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw PayloadReader.invalid(h.at("url"), "must be an http(s) URL");
            }
        }
    }

    /** Checks {@code options}: count, unique string ids, labels. */
    static void options(PayloadReader r, int min, int max) {
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
    }
}
