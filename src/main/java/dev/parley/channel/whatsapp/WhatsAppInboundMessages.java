package dev.parley.channel.whatsapp;

import dev.parley.channel.ChannelMedia;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.meta.GraphSends;
import dev.parley.channel.meta.GraphOutcome;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.error.ClientError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * WhatsApp's user messages as packets: text → {@code message}; image, audio, video, document and sticker →
 * {@code media} (downloaded with the access token and stored); location → {@code location}; reply buttons,
 * list rows and template quick replies → a {@code click} carrying the choice token, resolved later.
 */
final class WhatsAppInboundMessages {
    private final WhatsAppClient client;
    private final ChannelMedia media;

    WhatsAppInboundMessages(WhatsAppClient client, ChannelMedia media) {
        this.client = client;
        this.media = media;
    }

    /** The message of a user event; none for statuses and errors. */
    Optional<InboundMessage> message(WhatsAppInbound event) {
        return switch (event) {
            case WhatsAppInbound.Text t -> of(t.envelope(), ChatPacket.Message.text(t.body()));
            case WhatsAppInbound.Media m -> of(m.envelope(), media(m));
            case WhatsAppInbound.Location l -> of(l.envelope(), new ChatPacket.Location(l.latitude(), l.longitude(),
                    l.name(), l.address()));
            case WhatsAppInbound.ButtonReply b -> of(b.envelope(), click(b.id(), b.title()));
            case WhatsAppInbound.ListReply r -> of(r.envelope(), click(r.id(), r.title()));
            case WhatsAppInbound.TemplateButton b -> of(b.envelope(), click(b.payload(), b.text()));
            case WhatsAppInbound.Unsupported u -> of(u.envelope(), ChatPacket.Message.text(
                    "(a " + u.type() + " message, which Parley does not show)"));
            case WhatsAppInbound.Status s -> Optional.empty();
            case WhatsAppInbound.Errors e -> Optional.empty();
        };
    }

    private static Optional<InboundMessage> of(WhatsAppInbound.Envelope e, Packet packet) {
        return Optional.of(new InboundMessage(e.messageId(), e.from(), e.profileName(), e.at(), List.of(packet)));
    }

    private static Packet click(String token, String label) {
        return new ChatPacket.Click(new ChoicePacket.Option(token, label), Optional.empty());
    }

    private Packet media(WhatsAppInbound.Media m) {
        return switch (client.download(m.mediaId())) {
            case GraphOutcome.Done<WhatsAppClient.MediaFile> done -> media.store(done.value().bytes(),
                    m.mimeType().orElse(done.value().mimeType()), m.filename().or(() -> Optional.of(
                            m.kind().name().toLowerCase(Locale.ROOT) + extension(done.value().mimeType()))),
                    m.caption());
            case GraphOutcome.Retry<WhatsAppClient.MediaFile> retry -> throw new ClientError(
                    ClientError.Kind.BAD_GATEWAY, "media_fetch_failed", "the " + m.kind().name()
                    .toLowerCase(Locale.ROOT) + " " + m.mediaId() + " could not be downloaded yet: "
                    + GraphSends.describe(retry.error()), Optional.empty(), Optional.empty());
            case GraphOutcome.Permanent<WhatsAppClient.MediaFile> permanent -> ChatPacket.Message.text(
                    "(a file that could not be downloaded: " + GraphSends.describe(permanent.error()) + ")");
        };
    }

    private static String extension(String mimeType) {
        int slash = mimeType.indexOf('/');
        String sub = slash < 0 ? "" : mimeType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() ? "" : "." + (sub.equals("jpeg") ? "jpg" : sub);
    }
}
