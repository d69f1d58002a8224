package dev.parley.conversation;

import dev.parley.channel.ChannelType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import java.time.Instant;
import java.util.Optional;

/** The state of one conversation; its timeline is kept apart ({@link TimelineStore}). */
public record Conversation(String id, String contactId, String widgetId, String groupId, String channelType,
        ConversationStatus status, Optional<Assignee> assignee, Optional<String> sessionCid, Optional<String> subject,
        ArrayNode topics, Optional<String> locale, ObjectNode customFields, Optional<String> pageUrl,
        String approachMode, long lastSeq, Instant createdAt, Instant lastActivityAt) {

    /** A new web conversation of {@code contact} on {@code widget}, in the inbox of the widget's group. */
    static Conversation open(String id, Widget widget, ChannelType channel, Contact contact, Optional<String> pageUrl,
            boolean proactive, Instant now) {
        return new Conversation(id, contact.id(), widget.id(), widget.groupId(), channel.wire(),
                ConversationStatus.INBOX,
                Optional.empty(), Optional.empty(), Optional.empty(), Json.array(), contact.locale(), Json.object(),
                pageUrl, proactive ? "proactive" : "normal", 0, now, now);
    }

    /** Who has the conversation. */
    public record Assignee(Type type, String id) {
        /** Bots and humans both operate conversations. */
        public enum Type { BOT, OPERATOR }
    }

    public Conversation withGroup(String group) {
        return new Conversation(id, contactId, widgetId, group, channelType, status, assignee, sessionCid, subject,
                topics, locale, customFields, pageUrl, approachMode, lastSeq, createdAt, lastActivityAt);
    }

    public Conversation withStatus(ConversationStatus next, Optional<Assignee> who, Optional<String> cid) {
        return new Conversation(id, contactId, widgetId, groupId, channelType, status.to(next), who, cid, subject,
                topics, locale, customFields, pageUrl, approachMode, lastSeq, createdAt, lastActivityAt);
    }
}
