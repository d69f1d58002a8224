package dev.parley.channel;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import dev.parley.media.MediaResult;
import dev.parley.media.MediaService;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Files contacts send on a messaging channel, stored as web uploads are (the same checks of size and type), and
 * the {@code media} packet naming the stored copy. A file Parley refuses becomes a text saying so, so that the
 * conversation still shows that something was sent.
 */
public final class ChannelMedia {
    private final MediaService media;

    public ChannelMedia(MediaService media) {
        this.media = media;
    }

    /** A file whose bytes the channel downloaded. */
    public Packet store(byte[] bytes, String mimeType, Optional<String> filename, Optional<String> caption) {
        return packet(media.upload(new ByteArrayInputStream(bytes), Optional.of(mimeType), filename), caption);
    }

    /** A file the vendor serves at {@code url} without credentials (Messenger attachments). */
    public Packet fetch(String url, Optional<String> caption) {
        return packet(media.fetch(url, Optional.empty(), Optional.empty()), caption);
    }

    private static Packet packet(MediaResult result, Optional<String> caption) {
        return switch (result) {
            case MediaResult.Stored stored -> new ChatPacket.Media(stored.media().url(), stored.media().mimeType(),
                    stored.media().filename(), stored.media().size(), caption.filter(c -> !c.isBlank()),
                    Optional.empty());
            case MediaResult.Refused refused -> ChatPacket.Message.text("(a file that could not be kept: "
                    + refused.message() + ")" + caption.map(c -> "\n" + c).orElse(""));
        };
    }
}
