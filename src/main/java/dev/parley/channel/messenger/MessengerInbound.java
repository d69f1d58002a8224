package dev.parley.channel.messenger;

import java.time.Instant;
import java.util.List;

/** One {@code messaging} event of a Messenger webhook ({@code object: page}), as Meta documents it. */
public sealed interface MessengerInbound {

    /**
     * What every user message carries.
     *
     * @param pageId the page written to ({@code recipient.id})
     * @param psid   the sender's page-scoped id ({@code sender.id})
     * @param mid    the message id, for de-duplicating Meta's retries
     */
    record Envelope(String pageId, String psid, String mid, Instant at) {}

    /** A typed message. */
    record Text(Envelope envelope, String text) implements MessengerInbound {}

    /** A tapped quick reply: {@code text} is its title, {@code payload} the token it was sent with. */
    record QuickReply(Envelope envelope, String text, String payload) implements MessengerInbound {}

    /** Files, images, audio, video… each with its type and URL. */
    record Attachments(Envelope envelope, List<Attachment> attachments) implements MessengerInbound {
        public Attachments {
            attachments = List.copyOf(attachments);
        }
    }

    /** One attachment: {@code type} as Meta names it ({@code image}, {@code file}…), {@code url} to fetch it. */
    record Attachment(String type, String url) {}

    /** A tapped postback button (button template, menu, Get Started); its mid may be empty for old events. */
    record Postback(Envelope envelope, String title, String payload) implements MessengerInbound {}

    /** {@code delivery}: the messages {@code mids} (when given) and all before {@code watermark} were delivered. */
    record Delivery(String pageId, String psid, List<String> mids, Instant watermark) implements MessengerInbound {
        public Delivery {
            mids = List.copyOf(mids);
        }
    }

    /** {@code read}: every message sent before {@code watermark} was read. */
    record Read(String pageId, String psid, Instant watermark) implements MessengerInbound {}
}
