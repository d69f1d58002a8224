package dev.parley.channel.whatsapp;

import dev.parley.channel.whatsapp.WhatsAppInbound.MediaKind;
import java.util.List;
import java.util.Optional;

/** The header of reply buttons: a text of at most 60 characters, or an image, video or document. */
public sealed interface Header {

    /** Adds the problems of this header to {@code problems}. */
    void check(List<String> problems);

    record Text(String text) implements Header {
        @Override
        public void check(List<String> problems) {
            WhatsAppLimits.text(problems, "interactive.header.text", text, WhatsAppLimits.HEADER_TEXT);
        }
    }

    record Media(MediaKind kind, MediaSource source, Optional<String> filename) implements Header {
        @Override
        public void check(List<String> problems) {
            if (kind != MediaKind.IMAGE && kind != MediaKind.VIDEO && kind != MediaKind.DOCUMENT) {
                problems.add("interactive.header.type: must be text, image, video or document");
            }
        }
    }
}
