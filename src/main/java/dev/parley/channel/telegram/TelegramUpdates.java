package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelMedia;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.meta.Shape;
import dev.parley.channel.meta.ShapeException;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Telegram webhook call (one {@code Update}) as Parley's inbound message, the contact being the chat
 * ({@code chat.id}) and the update's {@code update_id} the id Parley de-duplicates by: a {@code message}'s text →
 * {@code message}; photo, document, voice, video, audio, video note → {@code media} (fetched with {@code getFile}
 * and the file URL, then stored like website uploads); location or venue → {@code location}; a shared contact → a
 * {@code message} naming it; a {@code callback_query} → a {@code click} with the choice token its button carried and
 * the button's label, resolved later. Other updates (edited messages, channel posts, member changes, a game's
 * callback query without {@code data}) hold nothing.
 */
final class TelegramUpdates {
    /** {@code getFile} downloads files of up to 20 MB. */
    static final long MAX_DOWNLOAD = 20L * 1024 * 1024;

    private final TelegramClient client;
    private final ChannelMedia media;
    private final Clock clock;

    /** @param clock when a tapped button is received: a {@code callback_query} carries no date of its own */
    TelegramUpdates(TelegramClient client, ChannelMedia media, Clock clock) {
        this.client = client;
        this.media = media;
        this.clock = clock;
    }

    /** The update's message; none for updates that hold nothing for a conversation. */
    List<InboundMessage> messages(byte[] body) {
        try {
            JsonNode update = Shape.parse(body);
            String id = String.valueOf(integer(update, "update_id", ""));
            if (update.has("message")) {
                return List.of(message(id, Shape.object(update, "message", ""), "message."));
            }
            if (update.path("callback_query").has("data")) {
                return List.of(callback(id, Shape.object(update, "callback_query", ""), "callback_query."));
            }
            return List.of();
        } catch (ShapeException e) {
            throw ClientError.badRequest("invalid_webhook", e.getMessage());
        }
    }

    /** The {@code callback_query.id} of the update, to answer it; none for other updates or a body not Telegram's. */
    static Optional<String> callbackQueryId(byte[] body) {
        try {
            return Shape.optionalText(Shape.parse(body).path("callback_query"), "id", "callback_query.");
        } catch (ShapeException e) {
            return Optional.empty();
        }
    }

    private InboundMessage message(String updateId, JsonNode m, String path) {
        String chatId = String.valueOf(integer(Shape.object(m, "chat", path), "id", path + "chat."));
        Instant at = Instant.ofEpochSecond(integer(m, "date", path));
        return new InboundMessage(updateId, chatId, name(m.path("from")), at, List.of(packet(m, path)));
    }

    private Packet packet(JsonNode m, String path) {
        Optional<String> caption = Shape.optionalText(m, "caption", path);
        if (m.has("text")) {
            return ChatPacket.Message.text(Shape.text(m, "text", path));
        }
        if (m.has("photo")) {
            List<JsonNode> sizes = Shape.items(m, "photo", path);
            if (sizes.isEmpty()) {
                throw new ShapeException(path + "photo: must hold at least one PhotoSize");
            }
            return file("photo", sizes.getLast(), path + "photo[" + (sizes.size() - 1) + "].", "image/jpeg",
                    caption);
        }
        for (String kind : List.of("document", "video", "audio", "voice", "video_note", "animation")) {
            if (m.has(kind)) {
                return file(kind, Shape.object(m, kind, path), path + kind + ".", defaultType(kind), caption);
            }
        }
        if (m.has("venue") || m.has("location")) {
            JsonNode venue = m.path("venue");
            JsonNode location = m.has("location") ? Shape.object(m, "location", path)
                    : Shape.object(venue, "location", path + "venue.");
            return new ChatPacket.Location(Shape.number(location, "latitude", path + "location."),
                    Shape.number(location, "longitude", path + "location."),
                    Shape.optionalText(venue, "title", path + "venue."),
                    Shape.optionalText(venue, "address", path + "venue."));
        }
        if (m.has("contact")) {
            JsonNode contact = Shape.object(m, "contact", path);
            String name = Stream.of(Shape.optionalText(contact, "first_name", path + "contact."),
                    Shape.optionalText(contact, "last_name", path + "contact.")).flatMap(Optional::stream)
                    .collect(Collectors.joining(" "));
            return ChatPacket.Message.text("Shared a contact: " + name
                    + Shape.optionalText(contact, "phone_number", path + "contact.").map(p -> ", " + p).orElse(""));
        }
        String kind = Stream.of("sticker", "poll", "dice", "game", "story", "invoice", "new_chat_members")
                .filter(m::has).findFirst().orElse("other");
        return ChatPacket.Message.text("(a " + kind.replace('_', ' ') + " message, which Parley does not show)");
    }

    private InboundMessage callback(String updateId, JsonNode q, String path) {
        JsonNode from = Shape.object(q, "from", path);
        JsonNode message = q.path("message");
        long chatId = message.path("chat").has("id") ? integer(message.path("chat"), "id", path + "message.chat.")
                : integer(from, "id", path + "from.");
        String data = Shape.text(q, "data", path);
        String label = buttons(message).filter(b -> data.equals(b.path("callback_data").asText()))
                .map(b -> b.path("text").asText()).findFirst().orElse(data);
        return new InboundMessage(updateId, String.valueOf(chatId), name(from), clock.instant(),
                List.of(new ChatPacket.Click(new ChoicePacket.Option(data, label), Optional.empty())));
    }

    private static Stream<JsonNode> buttons(JsonNode message) {
        JsonNode rows = message.path("reply_markup").path("inline_keyboard");
        return rows.isArray() ? Stream.iterate(0, i -> i < rows.size(), i -> i + 1).map(rows::get)
                .filter(JsonNode::isArray).flatMap(row -> Stream.iterate(0, i -> i < row.size(), i -> i + 1)
                        .map(row::get)) : Stream.empty();
    }

    private Packet file(String kind, JsonNode file, String path, String defaultType, Optional<String> caption) {
        String fileId = Shape.text(file, "file_id", path);
        String mime = Shape.optionalText(file, "mime_type", path).orElse(defaultType);
        Optional<String> filename = Shape.optionalText(file, "file_name", path);
        if (file.path("file_size").asLong(0) > MAX_DOWNLOAD) {
            return ChatPacket.Message.text("(a " + kind + " larger than the 20 MB bots may download)"
                    + caption.map(c -> "\n" + c).orElse(""));
        }
        ObjectNode ask = Json.object().put("file_id", fileId);
        TelegramOutcome<byte[]> fetched = switch (client.call("getFile", ask)) {
            case TelegramOutcome.Done<JsonNode> done -> done.value().path("file_path").isTextual()
                    ? client.download(done.value().path("file_path").asText())
                    : new TelegramOutcome.Permanent<>(TelegramError.local("getFile answered no file_path"));
            case TelegramOutcome.Retry<JsonNode> retry -> new TelegramOutcome.Retry<>(retry.error());
            case TelegramOutcome.Permanent<JsonNode> no -> new TelegramOutcome.Permanent<>(no.error());
        };
        return switch (fetched) {
            case TelegramOutcome.Done<byte[]> done -> media.store(done.value(), mime,
                    filename.or(() -> Optional.of(kind + extension(mime))), caption);
            case TelegramOutcome.Retry<byte[]> retry -> throw new ClientError(ClientError.Kind.BAD_GATEWAY,
                    "media_fetch_failed", "the " + kind + " " + fileId + " could not be downloaded yet: "
                    + retry.error().describe(), Optional.empty(), Optional.empty());
            case TelegramOutcome.Permanent<byte[]> no -> ChatPacket.Message.text(
                    "(a file that could not be downloaded: " + no.error().describe() + ")");
        };
    }

    private static String defaultType(String kind) {
        return switch (kind) {
            case "voice" -> "audio/ogg";
            case "audio" -> "audio/mpeg";
            case "video", "video_note", "animation" -> "video/mp4";
            default -> "application/octet-stream";
        };
    }

    private static String extension(String mimeType) {
        int slash = mimeType.indexOf('/');
        String sub = slash < 0 ? "" : mimeType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() || sub.equals("octetstream") ? "" : "." + (sub.equals("jpeg") ? "jpg" : sub);
    }

    private static Optional<String> name(JsonNode from) {
        String name = Stream.of(from.path("first_name"), from.path("last_name")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static long integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new ShapeException(path + field + (node.isMissingNode() ? ": is required" : ": must be an integer"));
        }
        return node.asLong();
    }
}
