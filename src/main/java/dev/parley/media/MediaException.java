package dev.parley.media;

/** The media folder or table failed in a way no client could have caused (disk full, missing file). */
public final class MediaException extends RuntimeException {
    MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    MediaException(String message) {
        super(message);
    }
}
