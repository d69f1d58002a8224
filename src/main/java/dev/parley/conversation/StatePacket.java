package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the timeline records besides the chat: routing, sessions, notes, logs and profile changes. */
public sealed interface StatePacket extends Packet {

    /** Who a conversation went to: {@code type} operator (id, name), bot (id, name) or inbox (group). */
    record Target(String type, Optional<String> id, Optional<String> name, Optional<String> group) {
        public Target {
            Objects.requireNonNull(type, "type");
        }

        public static Target operator(String id, String name) {
            return new Target("operator", Optional.of(id), Optional.of(name), Optional.empty());
        }

        public static Target bot(String id, String name) {
            return new Target("bot", Optional.of(id), Optional.of(name), Optional.empty());
        }

        public static Target inbox(Optional<String> group) {
            return new Target("inbox", Optional.empty(), Optional.empty(), group);
        }
    }

    record Assignment(Optional<String> reason, Target to, Optional<String> cid) implements StatePacket {}

    /** Handed over; {@code from_bot} or {@code from_operator} names who let go, when someone did. */
    record ConversationForwarded(Optional<String> reason, Optional<String> fromBot, Optional<String> fromOperator,
            Target to) implements StatePacket {}

    record ConversationEnded(String reason) implements StatePacket {}

    record BotUnavailable(String botId, String error) implements StatePacket {}

    /** An event of a bot's answer that was skipped as invalid (chatbot-api.md §4.2). */
    record BotEventSkipped(String botId, String eventId, @JsonProperty("event") String skippedEvent, String path,
            String reason) implements StatePacket {}

    /**
     * A messaging channel could not deliver {@code messageId} (a timeline item), or reported an error about it:
     * the vendor's {@code code} (such as WhatsApp's 131026) and its words. Shown to operators, never sent.
     */
    record ChannelError(String channelId, Optional<String> messageId, String code, String reason)
            implements StatePacket {}

    /** A line of a flow's log, for admins. */
    record FlowLog(String node, String level, String message) implements StatePacket {}

    /** {@code about} (contact or conversation) is set on notes bots create. */
    record NoteCreate(String noteId, String body, Optional<String> about) implements StatePacket {}

    /** The widget asks the contact for these fields before routing. */
    record RegistrationRequest(List<String> fields) implements StatePacket {
        public RegistrationRequest {
            fields = List.copyOf(fields);
        }
    }

    record Registration(String name, String email) implements StatePacket {}

    record PageTag(String tag, ObjectNode properties) implements StatePacket {
        public PageTag {
            properties = properties.deepCopy();
        }

        @Override
        public ObjectNode properties() {
            return properties.deepCopy();
        }
    }

    record PageView(String url) implements StatePacket {}

    /** An add-on run requested; it runs once the conversation ended. */
    record AddonDispatch(String type, String dispatchId) implements StatePacket {}

    /** {@code recipient}: {@code {"type": "operator", "id": …}} or {@code {"type": "contact"}}. */
    record Recipient(String type, Optional<String> id) {}

    /** A transcript e-mail requested; {@code status} says when it cannot be sent at all. */
    record EmailDispatch(Recipient recipient, String dispatchId, Optional<String> status) implements StatePacket {}

    /** What a bot changed of the contact. */
    record ContactUpdate(Optional<String> name, Optional<String> email, Optional<String> mobileNumber,
            Optional<String> externalCustomerId, Optional<ObjectNode> customFields, Optional<Boolean> campaigns)
            implements StatePacket {}

    /** What a bot changed of the conversation. */
    record ConversationUpdate(Optional<String> subject, Optional<List<String>> topics, Optional<String> locale,
            Optional<ObjectNode> customFields) implements StatePacket {}
}
