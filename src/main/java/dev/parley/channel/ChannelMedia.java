package dev.parley.channel;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import dev.parley.media.MediaResult;
import dev.parley.media.MediaService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** A file to hand a vendor that takes the bytes rather than a link (Threema's blobs). */
    public record File(byte[] bytes, String mimeType, String filename) {}

    /**
     * The file a {@code media} packet names: Parley's own copy, or fetched (and kept) when the URL is elsewhere;
     * empty when it cannot be had (the refusal says why).
     */
    public Optional<File> read(String url) {
        return switch (media.obtain(url, Optional.empty(), Optional.empty())) {
            case MediaResult.Stored stored -> media.download(stored.media().id(), stored.media().filename())
                    .map(download -> {
                        try (InputStream in = download.open()) {
                            return new File(in.readAllBytes(), stored.media().mimeType(), stored.media().filename());
                        } catch (IOException e) {
                            throw new UncheckedIOException("stored media " + stored.media().id() + " cannot be read",
                                    e);
                        }
                    });
            case MediaResult.Refused refused -> Optional.empty();
        };
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
