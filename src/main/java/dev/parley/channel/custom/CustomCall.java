package dev.parley.channel.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.DeliveryReport;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One call of an integration to the custom channel's webhook (docs/custom-channel.md): a contact's message, or a
 * delivery report of messages Parley sent. Read strictly; anything else is a 400 naming the field.
 */
sealed interface CustomCall {
    /** The events a contact may send, in the Chatbot API's packet shape. */
    List<String> EVENTS = List.of("message", "media", "location", "click");
    int MAX_ID = 200;

    /** What the contact {@code userId} did: the packet {@code name} with its {@code payload}, already checked. */
    record Message(String id, String userId, Optional<String> userName, Instant sentAt, String name,
            ObjectNode payload) implements CustomCall {}

    /** The integration reports {@code messageIds} (ids it answered Parley's sends with) as {@code status}. */
    record Report(String id, DeliveryReport.Status status, List<String> messageIds, Instant at,
            Optional<String> error) implements CustomCall {}

    /** The call in {@code body}; {@code now} stands for a report's time when it gives none. */
    static CustomCall parse(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ClientError.badRequest("invalid_json", "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ClientError.badRequest("invalid_json", "the body must be a JSON object");
        }
        if (root.has("status")) {
            return report(new StrictObject(root, "", Set.of("id", "status", "message_ids", "at", "error")), now);
        }
        return message(new StrictObject(root, "", Set.of("id", "user", "sent_at", "packet")));
    }

    private static Message message(StrictObject call) {
        String id = call.text("id", 1, MAX_ID);
        StrictObject user = call.object("user", Set.of("id", "name"));
        Instant sentAt = call.instant("sent_at");
        StrictObject packet = call.object("packet", Set.of("name", "payload"));
        String name = packet.oneOf("name", EVENTS);
        StrictObject payload = switch (name) {
            case "message" -> {
                StrictObject p = packet.object("payload", Set.of("body"));
                p.text("body", 1, 10_000);
                yield p;
            }
            case "media" -> {
                StrictObject p = packet.object("payload", Set.of("url", "caption"));
                String url = p.text("url", 1, 2048);
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    throw StrictObject.invalid(p.at("url"), "must be an http or https URL Parley can download");
                }
                p.optionalText("caption", 0, 1024);
                yield p;
            }
            case "location" -> {
                StrictObject p = packet.object("payload", Set.of("latitude", "longitude", "name", "address"));
                p.number("latitude", -90, 90);
                p.number("longitude", -180, 180);
                p.optionalText("name", 1, 1000);
                p.optionalText("address", 1, 1000);
                yield p;
            }
            case "click" -> {
                StrictObject p = packet.object("payload", Set.of("value"));
                StrictObject value = p.object("value", Set.of("id", "label"));
                value.text("id", 1, 200);
                value.text("label", 1, 1000);
                yield p;
            }
            default -> throw new IllegalStateException("an event oneOf let through: " + name);
        };
        return new Message(id, user.text("id", 1, MAX_ID), user.optionalText("name", 1, 200), sentAt, name,
                (ObjectNode) packet.raw("payload"));
    }

    private static Report report(StrictObject call, Instant now) {
        String id = call.text("id", 1, MAX_ID);
        DeliveryReport.Status status = switch (call.oneOf("status", List.of("delivered", "read", "failed"))) {
            case "delivered" -> DeliveryReport.Status.DELIVERED;
            case "read" -> DeliveryReport.Status.READ;
            default -> DeliveryReport.Status.FAILED;
        };
        List<String> ids = call.texts("message_ids", 1, 100, MAX_ID);
        Instant at = call.has("at") ? call.instant("at") : now;
        return new Report(id, status, ids, at, call.optionalText("error", 1, 1000));
    }
}
