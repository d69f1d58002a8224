package dev.parley.media;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a file is shown: the {@code type} of a bot's {@code media} event. */
public enum MediaKind {
    IMAGE, VIDEO, AUDIO, FILE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire names, for validation messages. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(MediaKind::wire).toList();
    }

    /** The kind named {@code wire}; one of {@link #wires()}. */
    public static MediaKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The kind of a MIME type: images, video and audio by their top-level type, everything else a file. */
    static MediaKind of(String mimeType) {
        if (mimeType.startsWith("image/")) {
            return IMAGE;
        }
        if (mimeType.startsWith("video/")) {
            return VIDEO;
        }
        return mimeType.startsWith("audio/") ? AUDIO : FILE;
    }

    /** Whether a browser may show it in the page; other files are offered as downloads. */
    boolean inline() {
        return this != FILE;
    }
}
