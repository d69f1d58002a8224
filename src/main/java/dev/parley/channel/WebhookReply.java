package dev.parley.channel;

import java.util.Objects;

/**
 * The answer a vendor expects to a webhook call Parley took, when it expects a particular one (Twilio: an empty
 * TwiML {@code <Response/>} as {@code text/xml}); see {@link ChannelAdapter#webhookReply()}.
 */
public record WebhookReply(String contentType, String body) {
    public WebhookReply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
