package dev.parley.channel.sms;

import dev.parley.channel.ChannelMedia;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import dev.parley.error.ClientError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's webhook calls as Parley's messages and delivery reports. A text is a {@code message}; each file of an
 * MMS is downloaded with the account's credentials and stored as a {@code media} (the text, if any, is the first
 * file's caption). Twilio's messages carry no time, so the time of receipt is used. The contact is the
 * {@code From} number in E.164.
 */
final class SmsInbound {
    private final TwilioClient client;
    private final ChannelMedia media;
    private final Clock clock;

    SmsInbound(TwilioClient client, ChannelMedia media, Clock clock) {
        this.client = client;
        this.media = media;
        this.clock = clock;
    }

    InboundMessage message(TwilioInbound.Message m) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < m.media().size(); i++) {
            packets.add(file(m.media().get(i), i, i == 0 ? Optional.of(m.body()) : Optional.empty()));
        }
        if (packets.isEmpty()) {
            packets.add(ChatPacket.Message.text(m.body()));
        }
        return new InboundMessage(m.sid(), m.from(), Optional.empty(), clock.instant(), packets);
    }

    private Packet file(TwilioInbound.Media file, int index, Optional<String> caption) {
        return switch (client.download(file.url())) {
            case TwilioOutcome.Done<TwilioClient.File> done -> media.store(done.value().bytes(), file.contentType(),
                    Optional.of("mms-" + (index + 1) + extension(file.contentType())), caption);
            case TwilioOutcome.Retry<TwilioClient.File> retry -> throw new ClientError(ClientError.Kind.BAD_GATEWAY,
                    "media_fetch_failed", "MediaUrl" + index + " could not be downloaded yet: " + retry.reason(),
                    Optional.empty(), Optional.empty());
            case TwilioOutcome.Permanent<TwilioClient.File> permanent -> ChatPacket.Message.text(
                    "(a file that could not be downloaded: " + permanent.reason() + ")"
                    + caption.filter(c -> !c.isBlank()).map(c -> "\n" + c).orElse(""));
        };
    }

    /**
     * A status callback as a delivery report: {@code sent}, {@code delivered}, {@code read}; {@code undelivered},
     * {@code failed} and {@code canceled} as failed with Twilio's {@code ErrorCode}. Interim statuses
     * ({@code queued}, {@code sending}, {@code accepted}…) and ones Twilio adds later report nothing.
     */
    Optional<DeliveryReport> report(TwilioInbound.Status s) {
        String status = s.status().strip().toLowerCase(Locale.ROOT);
        Optional<DeliveryReport.Status> reported = switch (status) {
            case "sent" -> Optional.of(DeliveryReport.Status.SENT);
            case "delivered" -> Optional.of(DeliveryReport.Status.DELIVERED);
            case "read" -> Optional.of(DeliveryReport.Status.READ);
            case "undelivered", "failed", "canceled" -> Optional.of(DeliveryReport.Status.FAILED);
            default -> Optional.empty();
        };
        List<String> errors = reported.filter(r -> r == DeliveryReport.Status.FAILED)
                .map(r -> List.of(s.errorCode().map(code -> "(#" + code + ") Twilio reports the message as "
                        + status).orElse("Twilio reports the message as " + status))).orElse(List.of());
        return reported.map(r -> new DeliveryReport(s.to(), List.of(s.sid()), r, clock.instant(), errors));
    }

    private static String extension(String contentType) {
        int slash = contentType.indexOf('/');
        String sub = slash < 0 ? "" : contentType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() ? "" : "." + (sub.equals("jpeg") ? "jpg" : sub);
    }
}
