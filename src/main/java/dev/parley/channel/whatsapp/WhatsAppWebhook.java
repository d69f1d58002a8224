package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.channel.meta.Shape;
import dev.parley.channel.meta.ShapeException;
import dev.parley.channel.meta.WebhookParse;
import dev.parley.channel.whatsapp.WhatsAppInbound.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a verified WhatsApp Cloud API webhook body ({@code object: whatsapp_business_account}) into its events:
 * every entry, change and message, in order. Changes of other fields are skipped and unknown fields ignored.
 */
public final class WhatsAppWebhook {
    private WhatsAppWebhook() {}

    public static WebhookParse<WhatsAppInbound> parse(byte[] body) {
        try {
            JsonNode root = Shape.parse(body);
            if (!"whatsapp_business_account".equals(root.path("object").asText())) {
                throw new ShapeException("object: must be \"whatsapp_business_account\"");
            }
            List<WhatsAppInbound> events = new ArrayList<>();
            List<JsonNode> entries = Shape.items(root, "entry", "");
            for (int e = 0; e < entries.size(); e++) {
                List<JsonNode> changes = Shape.items(entries.get(e), "changes", "entry[" + e + "].");
                for (int c = 0; c < changes.size(); c++) {
                    if ("messages".equals(changes.get(c).path("field").asText())) {
                        String path = "entry[" + e + "].changes[" + c + "].";
                        change(Shape.object(changes.get(c), "value", path), path + "value.", events);
                    }
                }
            }
            return new WebhookParse.Parsed<>(events);
        } catch (ShapeException e) {
            return new WebhookParse.Rejected<>(e.getMessage());
        }
    }

    private static void change(JsonNode value, String path, List<WhatsAppInbound> events) {
        String number = Shape.text(Shape.object(value, "metadata", path), "phone_number_id", path + "metadata.");
        List<JsonNode> contacts = Shape.items(value, "contacts", path);
        List<JsonNode> messages = Shape.items(value, "messages", path);
        for (int m = 0; m < messages.size(); m++) {
            events.add(message(number, contacts, messages.get(m), path + "messages[" + m + "]."));
        }
        List<JsonNode> statuses = Shape.items(value, "statuses", path);
        for (int s = 0; s < statuses.size(); s++) {
            status(number, statuses.get(s), path + "statuses[" + s + "].").ifPresent(events::add);
        }
        List<JsonNode> errors = Shape.items(value, "errors", path);
        if (!errors.isEmpty()) {
            events.add(new WhatsAppInbound.Errors(number, errors(value, path)));
        }
    }

    private static WhatsAppInbound message(String number, List<JsonNode> contacts, JsonNode m, String path) {
        String from = Shape.text(m, "from", path);
        Optional<String> name = contacts.stream().filter(c -> from.equals(c.path("wa_id").asText())).findFirst()
                .flatMap(c -> Shape.optionalText(c.path("profile"), "name", "contacts[].profile."));
        Envelope envelope = new Envelope(number, from, name, Shape.text(m, "id", path),
                Shape.epochSeconds(m, "timestamp", path),
                Shape.optionalText(m.path("context"), "id", path + "context."));
        String type = Shape.text(m, "type", path);
        return switch (type) {
            case "text" -> new WhatsAppInbound.Text(envelope, Shape.text(Shape.object(m, "text", path), "body",
                    path + "text."));
            case "image", "audio", "video", "document", "sticker" -> media(envelope, type, m, path);
            case "location" -> location(envelope, Shape.object(m, "location", path), path + "location.");
            case "interactive" -> interactive(envelope, Shape.object(m, "interactive", path), path + "interactive.");
            case "button" -> {
                JsonNode button = Shape.object(m, "button", path);
                yield new WhatsAppInbound.TemplateButton(envelope, Shape.text(button, "payload", path + "button."),
                        Shape.text(button, "text", path + "button."));
            }
            default -> new WhatsAppInbound.Unsupported(envelope, type, errors(m, path));
        };
    }

    private static WhatsAppInbound media(Envelope envelope, String type, JsonNode m, String path) {
        JsonNode media = Shape.object(m, type, path);
        String at = path + type + ".";
        return new WhatsAppInbound.Media(envelope, WhatsAppInbound.MediaKind.valueOf(type.toUpperCase(Locale.ROOT)),
                Shape.text(media, "id", at), Shape.optionalText(media, "mime_type", at),
                Shape.optionalText(media, "sha256", at), Shape.optionalText(media, "caption", at),
                Shape.optionalText(media, "filename", at));
    }

    private static WhatsAppInbound location(Envelope envelope, JsonNode l, String path) {
        return new WhatsAppInbound.Location(envelope, Shape.number(l, "latitude", path),
                Shape.number(l, "longitude", path), Shape.optionalText(l, "name", path),
                Shape.optionalText(l, "address", path), Shape.optionalText(l, "url", path));
    }

    private static WhatsAppInbound interactive(Envelope envelope, JsonNode i, String path) {
        String type = Shape.text(i, "type", path);
        return switch (type) {
            case "button_reply" -> {
                JsonNode reply = Shape.object(i, "button_reply", path);
                yield new WhatsAppInbound.ButtonReply(envelope, Shape.text(reply, "id", path + "button_reply."),
                        Shape.text(reply, "title", path + "button_reply."));
            }
            case "list_reply" -> {
                JsonNode reply = Shape.object(i, "list_reply", path);
                String at = path + "list_reply.";
                yield new WhatsAppInbound.ListReply(envelope, Shape.text(reply, "id", at),
                        Shape.text(reply, "title", at), Shape.optionalText(reply, "description", at));
            }
            default -> new WhatsAppInbound.Unsupported(envelope, "interactive." + type, List.of());
        };
    }

    /** A status; none for statuses newer than these four (such as {@code played}), which Parley does not use. */
    private static Optional<WhatsAppInbound> status(String number, JsonNode s, String path) {
        WhatsAppInbound.StatusKind kind;
        switch (Shape.text(s, "status", path)) {
            case "sent" -> kind = WhatsAppInbound.StatusKind.SENT;
            case "delivered" -> kind = WhatsAppInbound.StatusKind.DELIVERED;
            case "read" -> kind = WhatsAppInbound.StatusKind.READ;
            case "failed" -> kind = WhatsAppInbound.StatusKind.FAILED;
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new WhatsAppInbound.Status(number, Shape.text(s, "id", path), kind, Shape.text(s, "recipient_id", path),
                Shape.epochSeconds(s, "timestamp", path), errors(s, path),
                Shape.optionalText(s, "biz_opaque_callback_data", path)));
    }

    private static List<WhatsAppError> errors(JsonNode parent, String path) {
        List<JsonNode> items = Shape.items(parent, "errors", path);
        List<WhatsAppError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode error = items.get(i);
            String at = path + "errors[" + i + "].";
            if (!error.path("code").canConvertToInt()) {
                throw new ShapeException(at + "code: must be a number");
            }
            errors.add(new WhatsAppError(error.path("code").asInt(), error.path("title").asText(""),
                    Shape.optionalText(error, "message", at),
                    Shape.optionalText(error.path("error_data"), "details", at + "error_data.")));
        }
        return errors;
    }
}
