package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.parley.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The wire JSON of packets ({@code {"name": …, "payload": {…}}}), as the timeline stores it and the
 * Chatbot API, the widget and the console exchange it. Fields are written in the order of each
 * record, absent optional fields are left out (except the few the API always shows, as
 * {@code null}); payloads that do not read as their kind, and unknown events, stay {@link Packet.Raw}.
 */
public final class PacketCodec {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                    JsonInclude.Include.NON_ABSENT))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<? extends Packet>> KINDS = Map.ofEntries(
            Map.entry("start", ChatPacket.Start.class),
            Map.entry("message", ChatPacket.Message.class),
            Map.entry("click", ChatPacket.Click.class),
            Map.entry("media", ChatPacket.Media.class),
            Map.entry("location", ChatPacket.Location.class),
            Map.entry("forward_failed", ChatPacket.ForwardFailed.class),
            Map.entry("campaign_unsubscribe", ChatPacket.CampaignUnsubscribe.class),
            Map.entry("whatsapp_template", ChatPacket.Template.class),
            Map.entry("bubbles", ChoicePacket.Bubbles.class),
            Map.entry("carousel", ChoicePacket.Carousel.class),
            Map.entry("button_template", ChoicePacket.ButtonTemplate.class),
            Map.entry("list_template", ChoicePacket.ListTemplate.class),
            Map.entry("button", ChoicePacket.Button.class),
            Map.entry("buttons", ChoicePacket.Buttons.class),
            Map.entry("navigate", ChoicePacket.Navigate.class),
            Map.entry("assignment", StatePacket.Assignment.class),
            Map.entry("conversation_forwarded", StatePacket.ConversationForwarded.class),
            Map.entry("conversation_ended", StatePacket.ConversationEnded.class),
            Map.entry("bot_unavailable", StatePacket.BotUnavailable.class),
            Map.entry("bot_event_skipped", StatePacket.BotEventSkipped.class),
            Map.entry("flow_log", StatePacket.FlowLog.class),
            Map.entry("channel_error", StatePacket.ChannelError.class),
            Map.entry("note_create", StatePacket.NoteCreate.class),
            Map.entry("registration_request", StatePacket.RegistrationRequest.class),
            Map.entry("registration", StatePacket.Registration.class),
            Map.entry("page_tag", StatePacket.PageTag.class),
            Map.entry("page_view", StatePacket.PageView.class),
            Map.entry("addon_dispatch", StatePacket.AddonDispatch.class),
            Map.entry("email_dispatch", StatePacket.EmailDispatch.class),
            Map.entry("contact_update", StatePacket.ContactUpdate.class),
            Map.entry("conversation_update", StatePacket.ConversationUpdate.class));

    private static final Map<Class<?>, String> EVENTS = KINDS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private PacketCodec() {}

    /** The event name of a typed packet ({@link Packet.Raw} keeps its own). */
    static String event(Packet packet) {
        String event = EVENTS.get(packet.getClass());
        if (event == null) {
            throw new IllegalStateException(packet.getClass().getName() + " has no event name in PacketCodec");
        }
        return event;
    }

    /** The event names read as typed packets; every other name reads as {@link Packet.Raw}. */
    public static Set<String> events() {
        return KINDS.keySet();
    }

    /** {@code {"name": …, "payload": {…}}}. */
    public static ObjectNode toJson(Packet packet) {
        ObjectNode n = Json.object();
        n.put("name", packet.event());
        n.set("payload", payload(packet));
        return n;
    }

    public static ObjectNode payload(Packet packet) {
        return switch (packet) {
            case Packet.Raw raw -> raw.payload();
            case ChatPacket.Start start -> start.upload().map(PacketCodec::payload).orElseGet(() -> {
                ObjectNode n = Json.object();
                start.body().ifPresent(body -> n.put("body", body));
                return n;
            });
            case ChatPacket chat -> MAPPER.valueToTree(chat);
            case ChoicePacket choice -> MAPPER.valueToTree(choice);
            case StatePacket state -> MAPPER.valueToTree(state);
        };
    }

    /** The packet named {@code event} with {@code payload}; a payload that is not of that kind stays raw. */
    public static Packet read(String event, JsonNode payload) {
        ObjectNode object = payload instanceof ObjectNode o ? o : Json.object();
        Class<? extends Packet> kind = KINDS.get(event);
        if (kind == null) {
            return new Packet.Raw(event, object);
        }
        try {
            return kind == ChatPacket.Start.class ? start(object) : MAPPER.treeToValue(object, kind);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Packet.Raw(event, object);
        }
    }

    private static ChatPacket.Start start(ObjectNode payload) throws JsonProcessingException {
        if (payload.has("url")) {
            return new ChatPacket.Start(Optional.empty(), Optional.of(MAPPER.treeToValue(payload,
                    ChatPacket.Media.class)));
        }
        JsonNode body = payload.path("body");
        if (payload.size() > (body.isTextual() ? 1 : 0)) {
            throw new IllegalArgumentException("a start payload is {}, a body or a media payload");
        }
        return new ChatPacket.Start(body.isTextual() ? Optional.of(body.asText()) : Optional.empty(),
                Optional.empty());
    }
}
