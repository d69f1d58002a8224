package dev.parley.media;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** The {@code media} table: what is known about each stored file. */
final class MediaStore {
    private final String publicBaseUrl;

    MediaStore(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    void insert(Tx tx, StoredMedia media, Optional<String> sourceUrl, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO media (id, filename, mime_type, size, source_url, created_at)
                VALUES (:id, :filename, :mime, :size, :source, :at)""")
                .bind("id", media.id()).bind("filename", media.filename()).bind("mime", media.mimeType())
                .bind("size", media.size()).bind("source", sourceUrl.orElse(null)).bind("at", at.toEpochMilli())
                .execute();
    }

    Optional<StoredMedia> find(Handle h, String id) {
        return h.createQuery("SELECT id, filename, mime_type, size FROM media WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> media(rs.getString("id"), rs.getString("filename"), rs.getString("mime_type"),
                        rs.getLong("size")))
                .findOne();
    }

    void delete(Tx tx, String id) {
        tx.handle().createUpdate("DELETE FROM media WHERE id = :id").bind("id", id).execute();
    }

    List<String> before(Handle h, Instant cutoff, int limit) {
        return h.createQuery("SELECT id FROM media WHERE created_at < :cutoff ORDER BY created_at, id LIMIT :limit")
                .bind("cutoff", cutoff.toEpochMilli()).bind("limit", limit).mapTo(String.class).list();
    }

    /** The ids in every one of Parley's own media URLs in {@code text}. */
    Set<String> linkedIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile(Pattern.quote(publicBaseUrl + "/media/") + "([0-9a-f]{32})").matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    StoredMedia media(String id, String filename, String mimeType, long size) {
        return new StoredMedia(id, filename, mimeType, size, url(id, filename));
    }

    /** The public URL of a file; {@link #ownId} reads it back. */
    String url(String id, String filename) {
        return publicBaseUrl + "/media/" + id + "/" + FileNames.encode(filename);
    }

    /** The id in one of Parley's own media URLs. */
    Optional<String> ownId(String url) {
        String prefix = publicBaseUrl + "/media/";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.matches("[0-9a-f]{32}") ? Optional.of(id) : Optional.empty();
    }
}
