package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ChatPacket;
import dev.parley.media.MediaResult;
import dev.parley.media.MediaService;
import dev.parley.media.StoredMedia;
import dev.parley.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code media} events bots trigger: their files are stored before anything of the request or
 * answer is applied (outside any transaction), and the contact is shown Parley's copy.
 */
final class MediaEvents {
    private final MediaService media;

    /** The events with every media file stored, up to the first that could not be. */
    record Resolved(List<BotEvent> events, Optional<Failure> failure) {}

    /** The event at {@code index} (0-based) names a file that could not be stored; {@code message} says why. */
    record Failure(int index, String message) {}

    MediaEvents(MediaService media) {
        this.media = media;
    }

    /** One event, ready to apply (a media event pointing at Parley's copy), or why its file could not be stored. */
    sealed interface One {
        record Ready(BotEvent event) implements One {}

        record Refused(String message) implements One {}
    }

    Resolved resolve(List<BotEvent> events) {
        List<BotEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            switch (resolve(events.get(i))) {
                case One.Ready ready -> out.add(ready.event());
                case One.Refused refused -> {
                    return new Resolved(out, Optional.of(new Failure(i, refused.message())));
                }
            }
        }
        return new Resolved(out, Optional.empty());
    }

    One resolve(BotEvent event) {
        if (!(event.action() instanceof BotAction.Media m)) {
            return new One.Ready(event);
        }
        return switch (media.obtain(m.url(), m.type(), m.filename())) {
            case MediaResult.Stored stored -> new One.Ready(stored(event, m, stored.media()));
            case MediaResult.Refused refused -> new One.Refused(refused.message());
        };
    }

    /** What a resolved media event shows the contact. */
    ChatPacket.Media packet(Tx tx, BotAction.Media m) {
        StoredMedia stored = media.require(tx.handle(), m.url());
        return new ChatPacket.Media(stored.url(), stored.mimeType(), stored.filename(), stored.size(), m.caption(),
                Optional.of(m.type().orElse(stored.kind()).wire()));
    }

    /** The event pointing at Parley's copy, also as sent, so that it can wait for a delay and be read again. */
    private static BotEvent stored(BotEvent event, BotAction.Media m, StoredMedia file) {
        ObjectNode raw = event.raw().deepCopy();
        raw.withObject("/packet/payload").put("url", file.url()).put("filename", file.filename());
        return event.with(new BotAction.Media(file.url(), m.type(), Optional.of(file.filename()), m.caption()), raw);
    }
}
