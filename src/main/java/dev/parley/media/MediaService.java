package dev.parley.media;

import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Files in conversations: takes contact uploads, downloads the files bots send (before anything of
 * the bot's request is applied), keeps them under the data folder and serves them back.
 */
public final class MediaService {
    /** The longest caption of a file, in characters. */
    public static final int MAX_CAPTION = 1024;

    private final Database db;
    private final MediaSettings settings;
    private final MediaFiles files;
    private final MediaStore store;
    private final MediaClient client;
    private final MediaIntake intake;

    public MediaService(Database db, Clock clock, Path dataDir, MediaSettings settings, String publicBaseUrl) {
        this.db = db;
        this.settings = settings;
        this.files = new MediaFiles(dataDir);
        this.store = new MediaStore(publicBaseUrl.replaceAll("/+$", ""));
        this.client = new MediaClient(new AddressGuard(settings));
        this.intake = new MediaIntake(db, clock, files, store);
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return settings.maxBytes();
    }

    /** Stores a file a contact sent; the declared type and name are hints, the content decides. */
    public MediaResult upload(InputStream content, Optional<String> declaredType, Optional<String> filename) {
        Path temp = files.newTemp();
        OptionalLong size = files.copy(content, temp, settings.maxBytes());
        if (size.isEmpty()) {
            files.discard(temp);
            return MediaIntake.refused(MediaResult.Refusal.TOO_LARGE,
                    "the file is larger than " + Limits.describe(settings.maxBytes()));
        }
        return intake.accept(temp, size.getAsLong(), new MediaIntake.Offer(declaredType, filename, Optional.empty(),
                Optional.empty(), "the file "));
    }

    /** Downloads and stores the file at {@code url}; {@code expected} is the kind it must be, if any. */
    public MediaResult fetch(String url, Optional<MediaKind> expected, Optional<String> filename) {
        String prefix = "could not fetch " + url + ": ";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return MediaIntake.refused(MediaResult.Refusal.FETCH_FAILED, prefix + "it is not a valid URL");
        }
        Path temp = files.newTemp();
        return switch (client.fetch(uri, temp, settings.maxBytes())) {
            case MediaClient.Fetched.Failed failed -> {
                files.discard(temp);
                yield MediaIntake.refused(failed.tooLarge() ? MediaResult.Refusal.TOO_LARGE
                        : MediaResult.Refusal.FETCH_FAILED, prefix + failed.cause());
            }
            case MediaClient.Fetched.Body body -> intake.accept(temp, body.size(), new MediaIntake.Offer(
                    body.contentType(), filename.or(() -> lastSegment(uri)), expected, Optional.of(url),
                    prefix + "the file "));
        };
    }

    /**
     * The file a bot names: one of Parley's own media URLs is looked up (a bot may send back what a
     * contact uploaded), any other URL is fetched.
     */
    public MediaResult obtain(String url, Optional<MediaKind> expected, Optional<String> filename) {
        Optional<String> own = store.ownId(url);
        if (own.isEmpty()) {
            return fetch(url, expected, filename);
        }
        Optional<StoredMedia> stored = db.read(h -> store.find(h, own.get()));
        if (stored.isEmpty()) {
            return MediaIntake.refused(MediaResult.Refusal.FETCH_FAILED,
                    "could not fetch " + url + ": there is no such file on this Parley");
        }
        return intake.check(stored.get(), expected, "could not fetch " + url + ": the file ");
    }

    /** A file stored earlier, by its Parley URL (as {@link #obtain} made it); it must exist. */
    public StoredMedia require(Handle h, String url) {
        return store.ownId(url).flatMap(id -> store.find(h, id))
                .orElseThrow(() -> new MediaException("no stored media file at " + url));
    }

    /** Removes a stored file that ended up in no conversation. */
    public void discard(StoredMedia media) {
        db.useWrite(tx -> store.delete(tx, media.id()));
        files.delete(media.id());
    }

    /** A stored file to serve, if {@code id} and {@code filename} name one. */
    public Optional<Download> download(String id, String filename) {
        if (!id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return db.read(h -> store.find(h, id)).filter(m -> m.filename().equals(filename))
                .map(m -> new Download(m, files.path(m.id())));
    }

    /** The ids of Parley's own media files that {@code text} (a stored payload) links to. */
    public Set<String> linkedIds(String text) {
        return store.linkedIds(text);
    }

    /** A stored file by id, for a copy of a contact's data. */
    public Optional<Download> stored(Handle h, String id) {
        return store.find(h, id).map(m -> new Download(m, files.path(m.id())));
    }

    /** The ids of files stored before {@code cutoff}, oldest first, at most {@code limit}. */
    public List<String> storedBefore(Handle h, Instant cutoff, int limit) {
        return store.before(h, cutoff, limit);
    }

    /** Removes a stored file: its row in {@code tx}, its bytes once {@code tx} has committed. */
    public void erase(Tx tx, String id) {
        store.delete(tx, id);
        tx.afterCommit(() -> files.delete(id));
    }

    /** A file to serve and the headers it is served with. */
    public record Download(StoredMedia media, Path file) {
        public String contentType() {
            return media.mimeType();
        }

        /** Inline for images, audio and video; a download for everything else. */
        public String contentDisposition() {
            return FileNames.disposition(media.kind().inline(), media.filename());
        }

        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new MediaException("the stored file of media " + media.id() + " cannot be read", e);
            }
        }
    }

    private static Optional<String> lastSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return Optional.of(path.substring(path.lastIndexOf('/') + 1)).filter(s -> !s.isBlank());
    }
}
