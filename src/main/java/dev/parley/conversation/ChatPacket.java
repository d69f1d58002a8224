package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * What contacts do and write: the events delivered to bots (chatbot-api.md §3.2), and the texts and
 * files that bots and operators show contacts ({@code message}, {@code media}).
 */
public sealed interface ChatPacket extends Packet {

    /**
     * A bot session begins; on messaging channels it may carry the contact's first text
     * ({@code {"body": …}}) or upload (the {@code media} payload), never both.
     */
    record Start(Optional<String> body, Optional<Media> upload) implements ChatPacket {
        public Start {
            if (body.isPresent() && upload.isPresent()) {
                throw new IllegalArgumentException("a start carries a first text or a first upload, not both");
            }
        }

        public static Start empty() {
            return new Start(Optional.empty(), Optional.empty());
        }
    }

    /** A text; {@code text_format} is absent for contacts' texts and plain by default. */
    record Message(String body, Optional<String> textFormat) implements ChatPacket {
        public Message {
            Objects.requireNonNull(body, "body");
        }

        public static Message text(String body) {
            return new Message(body, Optional.empty());
        }
    }

    /** An option the contact chose; {@code message_id} names the choice message on the timeline (not sent to bots). */
    record Click(ChoicePacket.Option value, Optional<String> messageId) implements ChatPacket {
        public Click {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A file stored by Parley; {@code type} (image, video, audio, file) is set on what bots sent. */
    record Media(String url, String mimeType, String filename, long size,
            @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> caption, Optional<String> type)
            implements ChatPacket {
        public Media {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(mimeType, "mime_type");
            Objects.requireNonNull(filename, "filename");
        }
    }

    /** A location the contact shared. */
    record Location(double latitude, double longitude, @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> name,
            @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> address) implements ChatPacket {}

    /** A forward with {@code "on_failure": "feedback"} found no available operator; the session goes on. */
    record ForwardFailed() implements ChatPacket {}

    /**
     * An approved WhatsApp message template (the only message WhatsApp delivers outside the 24-hour customer-service
     * window): its {@code name}, {@code language} code and the values of its body placeholders, in order.
     */
    record Template(String name, String language, java.util.List<String> parameters) implements ChatPacket {
        public Template {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            parameters = java.util.List.copyOf(parameters);
        }
    }

    /** The contact sent the channel's unsubscribe keyword; Parley already unsubscribed and confirmed it. */
    record CampaignUnsubscribe(String keyword) implements ChatPacket {
        public CampaignUnsubscribe {
            Objects.requireNonNull(keyword, "keyword");
        }
    }
}
