package dev.parley.media;

import dev.parley.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Turns a received temporary file into a stored one, or refuses it: size, type, name, then the record. */
final class MediaIntake {
    private final Database db;
    private final Clock clock;
    private final MediaFiles files;
    private final MediaStore store;

    /**
     * What came with the bytes: the declared type, a name, the kind it must be, where it came from, and
     * how refusal messages begin (e.g. {@code "could not fetch <url>: the file "}).
     */
    record Offer(Optional<String> declaredType, Optional<String> filename, Optional<MediaKind> expected,
            Optional<String> source, String prefix) {}

    MediaIntake(Database db, Clock clock, MediaFiles files, MediaStore store) {
        this.db = db;
        this.clock = clock;
        this.files = files;
        this.store = store;
    }

    /** Accepts or refuses {@code temp}; the temporary file is gone afterwards either way. */
    MediaResult accept(Path temp, long size, Offer offer) {
        boolean kept = false;
        try {
            if (size == 0) {
                return refused(MediaResult.Refusal.EMPTY, offer.prefix() + "is empty");
            }
            Sniffer.Sniffed sniffed = Sniffer.sniff(temp, offer.declaredType(), offer.filename());
            if (!(sniffed instanceof Sniffer.Sniffed.Allowed allowed)) {
                return refused(MediaResult.Refusal.UNSUPPORTED_TYPE,
                        offer.prefix() + ((Sniffer.Sniffed.Refused) sniffed).reason());
            }
            MediaKind kind = MediaKind.of(allowed.mimeType());
            String id = MediaFiles.newId();
            StoredMedia media = store.media(id, FileNames.sanitize(offer.filename(), allowed.extensions(),
                    kind.wire()), allowed.mimeType(), size);
            MediaResult checked = check(media, offer.expected(), offer.prefix());
            if (checked instanceof MediaResult.Refused) {
                return checked;
            }
            files.keep(temp, id);
            kept = true;
            try {
                db.useWrite(tx -> store.insert(tx, media, offer.source(), clock.instant()));
            } catch (RuntimeException e) {
                files.delete(id);
                throw e;
            }
            return checked;
        } catch (IOException e) {
            throw new MediaException("cannot read the received file " + temp, e);
        } finally {
            if (!kept) {
                files.discard(temp);
            }
        }
    }

    /** Refuses a file that is not of the {@code expected} kind; {@code file} fits every kind. */
    MediaResult check(StoredMedia media, Optional<MediaKind> expected, String prefix) {
        if (expected.isPresent() && expected.get() != MediaKind.FILE && expected.get() != media.kind()) {
            return refused(MediaResult.Refusal.UNSUPPORTED_TYPE, prefix + "is " + media.mimeType()
                    + ", which does not fit the type '" + expected.get().wire() + "' the event gives");
        }
        return new MediaResult.Stored(media);
    }

    static MediaResult refused(MediaResult.Refusal refusal, String message) {
        return new MediaResult.Refused(refusal, message);
    }
}
