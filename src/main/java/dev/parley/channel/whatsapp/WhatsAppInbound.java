package dev.parley.channel.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One event of a WhatsApp Cloud API webhook ({@code messages} field), as Meta documents it. */
public sealed interface WhatsAppInbound {

    /**
     * What every user message carries.
     *
     * @param phoneNumberId the business number it was sent to ({@code metadata.phone_number_id})
     * @param from          the sender's {@code wa_id}: the phone number in E.164 without {@code +}
     * @param messageId     the {@code wamid}, for de-duplicating Meta's retries
     * @param contextId     the {@code wamid} of the message replied to (for buttons: the one that carried them)
     */
    record Envelope(String phoneNumberId, String from, Optional<String> profileName, String messageId, Instant at,
            Optional<String> contextId) {}

    /** The media types a user can send; each comes with a media id to download. */
    enum MediaKind { IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER }

    /** A status's {@code status}. */
    enum StatusKind { SENT, DELIVERED, READ, FAILED }

    /** {@code type: text}. */
    record Text(Envelope envelope, String body) implements WhatsAppInbound {}

    /** {@code type: image | audio | video | document | sticker}, downloaded by {@code mediaId}. */
    record Media(Envelope envelope, MediaKind kind, String mediaId, Optional<String> mimeType, Optional<String> sha256,
            Optional<String> caption, Optional<String> filename) implements WhatsAppInbound {}

    /** {@code type: location}; name, address and url only when the user shared a place. */
    record Location(Envelope envelope, double latitude, double longitude, Optional<String> name,
            Optional<String> address, Optional<String> url) implements WhatsAppInbound {}

    /** {@code interactive.button_reply}: a reply button was tapped; {@code id} is the token it was sent with. */
    record ButtonReply(Envelope envelope, String id, String title) implements WhatsAppInbound {}

    /** {@code interactive.list_reply}: a list row was picked. */
    record ListReply(Envelope envelope, String id, String title, Optional<String> description)
            implements WhatsAppInbound {}

    /** {@code type: button}: a template's quick-reply button was tapped. */
    record TemplateButton(Envelope envelope, String payload, String text) implements WhatsAppInbound {}

    /** Any other message type (reaction, contacts, order, unsupported…), with the errors Meta attached. */
    record Unsupported(Envelope envelope, String type, List<WhatsAppError> errors) implements WhatsAppInbound {}

    /**
     * A status of a message Parley sent.
     *
     * @param callbackData {@code biz_opaque_callback_data}, when the message was sent with it
     */
    record Status(String phoneNumberId, String messageId, StatusKind status, String recipientId, Instant at,
            List<WhatsAppError> errors, Optional<String> callbackData) implements WhatsAppInbound {}

    /** {@code value.errors}: errors about the number or the webhook rather than one message. */
    record Errors(String phoneNumberId, List<WhatsAppError> errors) implements WhatsAppInbound {}
}
