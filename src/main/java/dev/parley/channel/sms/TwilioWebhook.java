package dev.parley.channel.sms;

import dev.parley.error.ClientError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Twilio's webhook forms (channels.md §1): a call with {@code MessageStatus} is a status callback, any other
 * is an incoming message ({@code MessageSid}, {@code From}, {@code Body}, {@code NumMedia},
 * {@code MediaUrl{N}}/{@code MediaContentType{N}}). Parameters Twilio adds are ignored; a missing one it always
 * sends is a 400 naming it.
 */
final class TwilioWebhook {
    /** Twilio sends at most 10 files with one MMS. */
    static final int MAX_MEDIA = 10;
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    private TwilioWebhook() {}

    static TwilioInbound parse(byte[] body) {
        TwilioForm form;
        try {
            form = TwilioForm.of(body);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("invalid_field", "the body is not a form (application/x-www-form-urlencoded)",
                    "body");
        }
        String sid = required(form, "MessageSid");
        Optional<String> status = form.first("MessageStatus");
        if (status.isPresent()) {
            return new TwilioInbound.Status(sid, form.first("To").orElse(""), status.get(),
                    form.first("ErrorCode").filter(c -> !c.isBlank()));
        }
        String from = required(form, "From");
        if (!E164.matcher(from).matches()) {
            throw ClientError.badRequest("invalid_field", "From: must be a phone number in E.164, such as "
                    + "+14155550123", "From");
        }
        return new TwilioInbound.Message(sid, from, form.first("Body").orElse(""), media(form));
    }

    private static List<TwilioInbound.Media> media(TwilioForm form) {
        String count = form.first("NumMedia").orElse("0").strip();
        if (!count.matches("\\d{1,2}") || Integer.parseInt(count) > MAX_MEDIA) {
            throw ClientError.badRequest("invalid_field", "NumMedia: must be a number from 0 to " + MAX_MEDIA,
                    "NumMedia");
        }
        List<TwilioInbound.Media> media = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(count); i++) {
            String url = required(form, "MediaUrl" + i);
            if (!url.startsWith("https://") && !url.startsWith("http://") || !validUri(url)) {
                throw ClientError.badRequest("invalid_field", "MediaUrl" + i + ": must be an http(s) URL",
                        "MediaUrl" + i);
            }
            media.add(new TwilioInbound.Media(url, form.first("MediaContentType" + i)
                    .filter(t -> !t.isBlank()).orElse("application/octet-stream")));
        }
        return media;
    }

    private static boolean validUri(String url) {
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(TwilioForm form, String name) {
        return form.first(name).filter(v -> !v.isBlank()).orElseThrow(() -> ClientError.badRequest("invalid_field",
                name + ": is required", name));
    }
}
