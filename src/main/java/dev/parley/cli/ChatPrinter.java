package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a flow's events for a person at a terminal: texts as they are, choices as numbered options,
 * and what would happen in Parley (notes, delays, hand-overs) in parentheses.
 */
final class ChatPrinter {
    private static final Set<String> CHOICES = Set.of("bubbles", "button_template", "list_template");

    /** What the chat does after a reply. */
    enum Outcome { CONTINUE, FORWARD_FAILED, OVER }

    private final PrintWriter out;
    private List<JsonNode> pending = List.of();

    ChatPrinter(PrintWriter out) {
        this.out = out;
    }

    /** The pending choice's option a bare number {@code line} picks. */
    Optional<JsonNode> option(String line) {
        if (pending.isEmpty() || !line.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(line) - 1;
        return index >= 0 && index < pending.size() ? Optional.of(pending.get(index)) : Optional.empty();
    }

    /** Prints {@code events}, applying their updates to {@code contact} and {@code conversation}. */
    Outcome print(JsonNode events, ObjectNode contact, ObjectNode conversation) {
        Outcome outcome = Outcome.CONTINUE;
        pending = List.of();
        for (JsonNode event : events) {
            JsonNode payload = event.path("packet").path("payload");
            String name = event.path("packet").path("name").asText();
            if (CHOICES.contains(name)) {
                choices(payload);
                continue;
            }
            switch (name) {
                case "message" -> out.println(payload.path("body").asText());
                case "buttons" -> buttons(payload);
                case "media" -> out.println("[" + payload.path("type").asText("media") + "] "
                        + payload.path("url").asText());
                case "delay" -> out.println("(" + (payload.path("typing").asBoolean(true) ? "typing " : "waiting ")
                        + payload.path("seconds").asInt() + " s)");
                case "note_create" -> out.println("(note: " + payload.path("body").asText() + ")");
                case "contact_update" -> update(contact, payload, "contact");
                case "conversation_update" -> update(conversation, payload, "conversation");
                case "forward_group", "forward_skills", "forward_any" -> {
                    if (payload.path("on_failure").asText().equals("feedback")) {
                        out.println("(no operator in the terminal: forward_failed)");
                        outcome = Outcome.FORWARD_FAILED;
                    } else {
                        out.println("(handed to operators — chat over)");
                        return Outcome.OVER;
                    }
                }
                case "end" -> {
                    out.println("(conversation ended)");
                    return Outcome.OVER;
                }
                case "abort" -> {
                    out.println("(bot left; operators take over)");
                    return Outcome.OVER;
                }
                default -> out.println("(" + name + ": " + payload + ")");
            }
        }
        return outcome;
    }

    private void choices(JsonNode payload) {
        out.println(payload.path("body").asText());
        List<JsonNode> options = new ArrayList<>();
        payload.path("options").forEach(options::add);
        for (int i = 0; i < options.size(); i++) {
            out.println("  " + (i + 1) + ". " + options.get(i).path("label").asText());
        }
        pending = List.copyOf(options);
    }

    private void buttons(JsonNode payload) {
        if (payload.hasNonNull("body")) {
            out.println(payload.path("body").asText());
        }
        payload.path("buttons").forEach(button -> out.println("  [" + button.path("label").asText() + "] "
                + button.path("url").asText()));
    }

    /** Applies an update as the server would; {@code custom_fields} are merged. */
    private void update(ObjectNode target, JsonNode fields, String what) {
        out.println("(" + what + " updated: " + fields + ")");
        fields.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (entry.getKey().equals("custom_fields") && value.isObject() && target.path("custom_fields").isObject()) {
                ((ObjectNode) target.get("custom_fields")).setAll((ObjectNode) value);
            } else {
                target.set(entry.getKey(), value);
            }
        });
    }
}
