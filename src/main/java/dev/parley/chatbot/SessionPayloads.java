package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validation of {@code delay}, {@code note_create} and {@code conversation_update}. */
final class SessionPayloads {
    static final double MAX_DELAY_SECONDS = 30;
    private static final long DEFAULT_DELAY_MILLIS = 1000;

    private SessionPayloads() {}

    /** Without {@code seconds}, one second: what a bot sending {@code delay {}} means by "a moment". */
    static BotAction delay(PayloadReader r) {
        JsonNode seconds = r.node().get("seconds");
        if (seconds == null || seconds.isNull()) {
            return new BotAction.Delay(DEFAULT_DELAY_MILLIS, r.optionalBoolean("typing").orElse(true));
        }
        if (!seconds.isNumber()) {
            throw PayloadReader.invalid(r.at("seconds"), "must be a number of seconds, more than 0 and at most 30, got "
                    + PayloadReader.kind(seconds));
        }
        double s = seconds.asDouble();
        if (!(s > 0) || s > MAX_DELAY_SECONDS) {
            throw PayloadReader.invalid(r.at("seconds"), "must be more than 0 and at most 30, got " + seconds.asText());
        }
        return new BotAction.Delay(Math.round(s * 1000), r.optionalBoolean("typing").orElse(true));
    }

    static BotAction note(PayloadReader r) {
        String body = r.requiredString("body", 1, 10_000);
        JsonNode id = r.node().get("contact_identity_id");
        Optional<String> contact = id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText());
        if (contact.isPresent() && (!(id.isTextual() || id.isIntegralNumber()) || contact.get().isBlank())) {
            throw PayloadReader.invalid(r.at("contact_identity_id"), "must be the contact's id (a string or number)");
        }
        return new BotAction.CreateNote(body, contact);
    }

    static BotAction conversationUpdate(PayloadReader r) {
        Optional<String> subject = r.optionalString("subject", 0, 200);
        Optional<List<String>> topics = Optional.empty();
        if (r.has("topics")) {
            ArrayNode list = r.requiredArray("topics", 0, 20);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual() || list.get(i).asText().isBlank() || list.get(i).asText().length() > 64) {
                    throw PayloadReader.invalid(r.at("topics") + "[" + i + "]", "must be a topic name of 1–64 characters");
                }
                names.add(list.get(i).asText());
            }
            topics = Optional.of(List.copyOf(names));
        }
        BotAction.UpdateConversation u = new BotAction.UpdateConversation(subject, topics,
                r.optionalString("locale", 2, 35), r.optionalObject("custom_fields"));
        if (u.subject().isEmpty() && u.topics().isEmpty() && u.locale().isEmpty() && u.customFields().isEmpty()) {
            throw PayloadReader.invalid(r.path(), "needs at least one of subject, topics, locale, custom_fields");
        }
        return u;
    }
}
