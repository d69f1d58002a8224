package dev.parley.media;

/**
 * A file Parley keeps under its data folder and serves at {@code url}.
 *
 * @param id random, unguessable; the only key to the file
 * @param filename sanitized: no path, no control characters, at most 255 characters
 * @param mimeType sniffed from the content
 * @param size in bytes
 * @param url {@code <public_base_url>/media/<id>/<filename>}
 */
public record StoredMedia(String id, String filename, String mimeType, long size, String url) {

    public MediaKind kind() {
        return MediaKind.of(mimeType);
    }
}
