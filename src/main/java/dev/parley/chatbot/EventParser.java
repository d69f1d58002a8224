package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.addon.DispatchRequest;
import dev.parley.json.Json;
import dev.parley.media.MediaKind;
import dev.parley.media.MediaService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Validates triggerable events (chatbot API §4): a body that is one event object or a list of them.
 * Every rule failure is an {@link InvalidEventException} naming the JSON path. Lenient where §4.2
 * says (ids as numbers, {@code link} for {@code url}, {@code markdown}, omitted optional fields).
 */
public final class EventParser {
    static final int MAX_CONTEXT_BYTES = 10 * 1024;
    private static final Map<String, Function<PayloadReader, BotAction>> EVENTS = new TreeMap<>();

    static {
        EVENTS.put("message", ChoicePayloads::message);
        EVENTS.put("bubbles", ChoicePayloads::bubbles);
        EVENTS.put("button_template", ChoicePayloads::buttonTemplate);
        EVENTS.put("carousel", ChoicePayloads::carousel);
        EVENTS.put("list_template", ChoicePayloads::listTemplate);
        EVENTS.put("buttons", LinkPayloads::buttons);
        EVENTS.put("button", LinkPayloads::button);
        EVENTS.put("navigate", LinkPayloads::navigate);
        EVENTS.put("abort", r -> new BotAction.Abort());
        EVENTS.put("delay", SessionPayloads::delay);
        EVENTS.put("note_create", SessionPayloads::note);
        EVENTS.put("conversation_update", SessionPayloads::conversationUpdate);
        EVENTS.put("contact_update", ContactUpdatePayload::parse);
        EVENTS.put("forward_any", r -> new BotAction.Forward(new BotAction.Forward.Target.Any(), feedback(r)));
        EVENTS.put("forward_group", r -> new BotAction.Forward(
                new BotAction.Forward.Target.Group(r.requiredId("group_id", 64)), feedback(r)));
        EVENTS.put("forward_skills", EventParser::forwardSkills);
        EVENTS.put("end", r -> new BotAction.End());
        EVENTS.put("media", EventParser::media);
        EVENTS.put("addon_dispatch", r -> new BotAction.Dispatch(
                new DispatchRequest.Addon(r.requiredString("type", 1, 64))));
        EVENTS.put("email_dispatch", EventParser::emailDispatch);
    }

    private EventParser() {}

    /** Parses a request body: one event object or a list of them. */
    public static List<BotEvent> parse(JsonNode body) {
        List<BotEvent> events = new ArrayList<>();
        if (body instanceof ArrayNode list) {
            if (list.isEmpty()) {
                throw PayloadReader.invalid("", "is an empty list; send at least one event");
            }
            for (int i = 0; i < list.size(); i++) {
                events.add(event(list.get(i), "[" + i + "]"));
            }
        } else {
            events.add(event(body, ""));
        }
        return events;
    }

    /** Parses one event of a body; {@code path} is its place there ({@code ""} or {@code "[2]"}). */
    static BotEvent event(JsonNode node, String path) {
        PayloadReader envelope = new PayloadReader(node, path);
        PayloadReader info = new PayloadReader(
                envelope.optionalObject("info").orElseThrow(() -> PayloadReader.invalid(envelope.at("info"),
                        "is required: {\"cid\": \"<session id>\"}")), envelope.at("info"));
        String cid = info.requiredString("cid", 1, 200);
        Optional<ObjectNode> context = info.optionalObject("context").filter(c -> !c.isEmpty());
        List<EventNotice> notices = new ArrayList<>();
        if (context.isPresent()) {
            int size = Json.write(context.get()).getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_CONTEXT_BYTES) {
                notices.add(new EventNotice(EventNotice.CONTEXT_TOO_LARGE, info.at("context"), info.at("context")
                        + " is " + size + " bytes; the limit is " + MAX_CONTEXT_BYTES
                        + " bytes (10 KB). The stored context was kept."));
                context = Optional.empty();
            }
        }
        PayloadReader packet = new PayloadReader(
                envelope.optionalObject("packet").orElseThrow(() -> PayloadReader.invalid(envelope.at("packet"),
                        "is required: {\"name\": \"<event>\", \"payload\": {…}}")), envelope.at("packet"));
        String name = packet.requiredString("name", 1, 64);
        Function<PayloadReader, BotAction> parser = EVENTS.get(name);
        if (parser == null) {
            throw new InvalidEventException("unknown_event", packet.at("name"),
                    packet.at("name") + " '" + name + "' is not a triggerable event; known: "
                            + String.join(", ", EVENTS.keySet()));
        }
        JsonNode payload = packet.node().get("payload");
        PayloadReader reader = new PayloadReader(payload == null || payload.isNull() ? Json.object() : payload,
                packet.at("payload"));
        BotAction action = parser.apply(reader);
        notices.addAll(reader.notices());
        return new BotEvent(path, cid, context, name, action, node, List.copyOf(notices));
    }

    private static boolean feedback(PayloadReader r) {
        return r.optionalEnum("on_failure", List.of("feedback")).isPresent();
    }

    private static BotAction emailDispatch(PayloadReader r) {
        PayloadReader recipient = new PayloadReader(r.optionalObject("recipient").orElseThrow(() ->
                PayloadReader.invalid(r.at("recipient"), "is required: {\"type\": \"operator\", \"id\": \"<operator"
                        + " id>\"} or {\"type\": \"contact\"}")), r.at("recipient"));
        String type = recipient.optionalEnum("type", List.of("operator", "contact")).orElseThrow(() ->
                PayloadReader.invalid(recipient.at("type"), "is required: \"operator\" or \"contact\""));
        return new BotAction.Dispatch(type.equals("contact") ? new DispatchRequest.EmailToContact()
                : new DispatchRequest.EmailToOperator(recipient.requiredId("id", 64)));
    }

    /** The reference document calls the file's address {@code link}; Parley's own word is {@code url}. */
    private static BotAction media(PayloadReader r) {
        String field = !r.has("url") && r.has("link") ? "link" : "url";
        return new BotAction.Media(LinkPayloads.url(r, field),
                r.optionalEnum("type", MediaKind.wires()).map(MediaKind::fromWire),
                r.optionalString("filename", 1, 255), r.optionalString("caption", 0, MediaService.MAX_CAPTION));
    }

    private static BotAction forwardSkills(PayloadReader r) {
        ArrayNode skills = r.requiredArray("skills", 1, 20);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            if (!skills.get(i).isTextual() || skills.get(i).asText().isBlank()) {
                throw PayloadReader.invalid(r.at("skills") + "[" + i + "]", "must be a skill name (a string)");
            }
            names.add(skills.get(i).asText());
        }
        return new BotAction.Forward(new BotAction.Forward.Target.Skills(List.copyOf(names)), feedback(r));
    }
}
