package dev.parley.addon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.TimelineItem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A transcript item as one line of text for people: when, who, and what they said or chose. */
record TranscriptLine(String time, String who, String text) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code contact} names the contact's lines: "You" for the contact, else what is known now. */
    static TranscriptLine of(TimelineItem item, String contact) {
        return new TranscriptLine(TIME.format(item.at()), who(item.author(), contact), text(item));
    }

    private static String who(Author author, String contact) {
        return switch (author.type()) {
            case CONTACT -> contact;
            case BOT, OPERATOR -> author.name().or(author::id).orElse("Operator");
            case SYSTEM -> "Parley";
        };
    }

    private static String text(TimelineItem item) {
        ObjectNode p = item.packet().payload();
        return switch (item.packet().name()) {
            case "click" -> "chose \"" + p.path("value").path("label").asText() + "\"";
            case "conversation_ended" -> "The conversation ended.";
            case "conversation_forwarded" -> p.path("to").path("type").asText().equals("operator")
                    ? "Handed over to " + p.path("to").path("name").asText() + "."
                    : "Waiting for the next free operator.";
            case "button" -> p.path("label").asText() + ": " + p.path("url").asText();
            case "navigate" -> "Opened " + p.path("url").asText();
            case "registration" -> "Registered as " + p.path("name").asText() + " (" + p.path("email").asText() + ")";
            default -> content(p, item.packet().name());
        };
    }

    /** Body, choice options and links of message-like packets; the packet name when there is nothing to show. */
    private static String content(ObjectNode p, String name) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("headline", "body", "caption", "footer")) {
            if (p.path(field).isTextual() && !p.path(field).asText().isBlank()) {
                parts.add(p.path(field).asText());
            }
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : p.path("options")) {
            options.add(option.path("label").asText());
        }
        for (JsonNode button : p.path("buttons")) {
            options.add(button.path("label").asText() + " (" + button.path("url").asText() + ")");
        }
        if (!options.isEmpty()) {
            parts.add("[" + String.join(" | ", options) + "]");
        }
        if (p.path("url").isTextual()) {
            parts.add(p.path("url").asText());
        }
        return parts.isEmpty() ? "(" + name + ")" : String.join("\n", parts);
    }
}
