package dev.parley.channel.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.channel.messenger.MessengerInbound.Envelope;
import dev.parley.channel.meta.Shape;
import dev.parley.channel.meta.ShapeException;
import dev.parley.channel.meta.WebhookParse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a verified Messenger webhook body ({@code object: page}) into its events, every entry and
 * {@code messaging} item in order. Echoes of the page's own messages, reactions, opt-ins and other events
 * Parley does not use are skipped; unknown fields are ignored.
 */
public final class MessengerWebhook {
    private MessengerWebhook() {}

    public static WebhookParse<MessengerInbound> parse(byte[] body) {
        try {
            JsonNode root = Shape.parse(body);
            if (!"page".equals(root.path("object").asText())) {
                throw new ShapeException("object: must be \"page\"");
            }
            List<MessengerInbound> events = new ArrayList<>();
            List<JsonNode> entries = Shape.items(root, "entry", "");
            for (int e = 0; e < entries.size(); e++) {
                List<JsonNode> items = Shape.items(entries.get(e), "messaging", "entry[" + e + "].");
                for (int m = 0; m < items.size(); m++) {
                    event(items.get(m), "entry[" + e + "].messaging[" + m + "].").ifPresent(events::add);
                }
            }
            return new WebhookParse.Parsed<>(events);
        } catch (ShapeException e) {
            return new WebhookParse.Rejected<>(e.getMessage());
        }
    }

    private static Optional<MessengerInbound> event(JsonNode item, String path) {
        String psid = Shape.text(Shape.object(item, "sender", path), "id", path + "sender.");
        String pageId = Shape.text(Shape.object(item, "recipient", path), "id", path + "recipient.");
        if (item.has("message")) {
            return message(pageId, psid, item, Shape.object(item, "message", path), path + "message.");
        }
        if (item.has("postback")) {
            JsonNode postback = Shape.object(item, "postback", path);
            String at = path + "postback.";
            Envelope envelope = new Envelope(pageId, psid, Shape.optionalText(postback, "mid", at).orElse(""),
                    Shape.epochMillis(item, "timestamp", path));
            return Optional.of(new MessengerInbound.Postback(envelope, postback.path("title").asText(""),
                    Shape.text(postback, "payload", at)));
        }
        if (item.has("delivery")) {
            JsonNode delivery = Shape.object(item, "delivery", path);
            List<String> mids = Shape.items(delivery, "mids", path + "delivery.").stream().map(JsonNode::asText)
                    .toList();
            return Optional.of(new MessengerInbound.Delivery(pageId, psid, mids,
                    Shape.epochMillis(delivery, "watermark", path + "delivery.")));
        }
        if (item.has("read")) {
            return Optional.of(new MessengerInbound.Read(pageId, psid,
                    Shape.epochMillis(Shape.object(item, "read", path), "watermark", path + "read.")));
        }
        return Optional.empty();
    }

    private static Optional<MessengerInbound> message(String pageId, String psid, JsonNode item, JsonNode message,
            String path) {
        if (message.path("is_echo").asBoolean(false)) {
            return Optional.empty();
        }
        Envelope envelope = new Envelope(pageId, psid, Shape.text(message, "mid", path),
                Shape.epochMillis(item, "timestamp", path.substring(0, path.length() - "message.".length())));
        if (message.has("quick_reply")) {
            return Optional.of(new MessengerInbound.QuickReply(envelope, message.path("text").asText(""),
                    Shape.text(Shape.object(message, "quick_reply", path), "payload", path + "quick_reply.")));
        }
        List<JsonNode> items = Shape.items(message, "attachments", path);
        if (!items.isEmpty()) {
            List<MessengerInbound.Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String at = path + "attachments[" + i + "].";
                attachments.add(new MessengerInbound.Attachment(Shape.text(items.get(i), "type", at),
                        Shape.optionalText(items.get(i).path("payload"), "url", at + "payload.").orElse("")));
            }
            return Optional.of(new MessengerInbound.Attachments(envelope, attachments));
        }
        return Optional.of(new MessengerInbound.Text(envelope, Shape.text(message, "text", path)));
    }
}
