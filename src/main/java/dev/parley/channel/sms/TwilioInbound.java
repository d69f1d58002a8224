package dev.parley.channel.sms;

import java.util.List;
import java.util.Optional;

/**
 * What a verified Twilio webhook call is: a message the contact sent (an SMS, or an MMS with files), or a status
 * callback about a message Parley sent.
 */
sealed interface TwilioInbound {

    /**
     * A message to the channel's number.
     *
     * @param sid   {@code MessageSid} ({@code SM…}, {@code MM…}), which de-duplicates Twilio's redeliveries
     * @param from  the contact's number in E.164
     * @param media {@code MediaUrl{N}} with {@code MediaContentType{N}}, for N below {@code NumMedia}
     */
    record Message(String sid, String from, String body, List<Media> media) implements TwilioInbound {
        public Message {
            media = List.copyOf(media);
        }
    }

    /** A file of an MMS; Twilio serves it to the account's credentials. */
    record Media(String url, String contentType) {}

    /**
     * A status callback: {@code MessageStatus} of the message {@code sid} sent to {@code to}, with Twilio's
     * {@code ErrorCode} when it failed.
     */
    record Status(String sid, String to, String status, Optional<String> errorCode) implements TwilioInbound {}
}
