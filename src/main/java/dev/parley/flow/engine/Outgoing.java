package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.ChoiceOption;
import dev.parley.flow.ChoiceRendering;
import dev.parley.flow.ForwardTarget;
import dev.parley.flow.Message;
import dev.parley.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * The triggerable events a flow answers with, written exactly as an API bot would send them, so
 * that they pass the same validation and take the same path.
 */
final class Outgoing {
    private final String cid;
    private final ArrayNode events = Json.array();

    Outgoing(String cid) {
        this.cid = cid;
    }

    ArrayNode events() {
        return events;
    }

    /** A say: media first, then the text (with its link buttons, if any). */
    void say(Message message, FlowData data) {
        message.media().ifPresent(media -> {
            ObjectNode payload = Json.object().put("url", Renderer.text(media.url(), data));
            media.type().ifPresent(type -> payload.put("type", type.name().toLowerCase(Locale.ROOT)));
            add("media", payload);
        });
        String text = message.text().map(t -> Renderer.text(t, data)).orElse("");
        if (!message.buttons().isEmpty()) {
            ObjectNode payload = Json.object();
            if (!text.isBlank()) {
                payload.put("body", text);
            }
            ArrayNode buttons = payload.putArray("buttons");
            message.buttons().forEach(b -> buttons.addObject().put("label", b.label())
                    .put("url", Renderer.text(b.url(), data)));
            add("buttons", payload);
        } else if (!text.isBlank()) {
            text(text, message.format());
        }
    }

    void text(String body, Message.TextFormat format) {
        ObjectNode payload = Json.object().put("body", body);
        if (format == Message.TextFormat.MARKDOWN_V1) {
            payload.put("text_format", "markdown_v1");
        }
        add("message", payload);
    }

    void choices(String question, Message.TextFormat format, List<ChoiceOption> options, ChoiceRendering rendering) {
        String body = question.isBlank() ? "Please choose:" : question;
        ObjectNode payload = Json.object();
        payload.put("body", body);
        if (format == Message.TextFormat.MARKDOWN_V1) {
            payload.put("text_format", "markdown_v1");
        }
        if (rendering == ChoiceRendering.LIST_TEMPLATE) {
            payload.put("button", "Choose");
        }
        ArrayNode list = payload.putArray("options");
        options.forEach(o -> list.addObject().put("id", o.id()).put("label", o.label()));
        // channels that cannot show buttons add the numbered options after the fallback (chatbot-api.md §10)
        payload.put("fallback", body);
        add(rendering.eventName(), payload);
    }

    void delay(int seconds, boolean typing) {
        add("delay", Json.object().put("seconds", seconds).put("typing", typing));
    }

    void forward(ForwardTarget target, boolean feedback) {
        ObjectNode payload = Json.object();
        String name = switch (target) {
            case ForwardTarget.Group group -> {
                payload.put("group_id", group.group());
                yield "forward_group";
            }
            case ForwardTarget.Skills skills -> {
                ArrayNode list = payload.putArray("skills");
                skills.skills().forEach(list::add);
                yield "forward_skills";
            }
            case ForwardTarget.Any any -> "forward_any";
        };
        if (feedback) {
            payload.put("on_failure", "feedback");
        }
        add(name, payload);
    }

    void add(String name, ObjectNode payload) {
        ObjectNode event = events.addObject();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", name).set("payload", payload);
    }
}
