package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.conversation.PacketCodec;
import java.net.URI;
import java.net.URISyntaxException;

/** Validation of the events that carry links: {@code buttons}, the deprecated {@code button}, {@code navigate}. */
final class LinkPayloads {
    private LinkPayloads() {}

    static BotAction buttons(PayloadReader r) {
        r.optionalString("body", 0, ChoicePayloads.MAX_BODY);
        ArrayNode buttons = r.requiredArray("buttons", 1, 10);
        for (int i = 0; i < buttons.size(); i++) {
            PayloadReader b = new PayloadReader(buttons.get(i), r.at("buttons") + "[" + i + "]");
            b.requiredString("label", 1, 256);
            url(b, "url");
        }
        return new BotAction.Say(PacketCodec.read("buttons", r.node()));
    }

    static BotAction button(PayloadReader r) {
        r.optionalString("body", 0, ChoicePayloads.MAX_BODY);
        r.requiredString("label", 1, 256);
        url(r, "url");
        return new BotAction.Say(PacketCodec.read("button", r.node()));
    }

    static BotAction navigate(PayloadReader r) {
        url(r, "url");
        return new BotAction.Say(PacketCodec.read("navigate", r.node()));
    }

    /** A required absolute http(s) URL; anything else (javascript:, data:, relative) is refused. */
    static String url(PayloadReader r, String field) {
        String url = r.requiredString(field, 1, 2048);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw PayloadReader.invalid(r.at(field), "must be an absolute http or https URL, got '" + url + "'");
    }
}
