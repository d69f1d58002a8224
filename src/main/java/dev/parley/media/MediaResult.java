package dev.parley.media;

import dev.parley.error.ClientError;
import java.util.Optional;

/** What became of a file offered to Parley: stored, or refused with the reason. */
public sealed interface MediaResult {

    /** The file is stored and can be served. */
    record Stored(StoredMedia media) implements MediaResult {}

    /** The file was not stored; {@code message} says why in words a client can act on. */
    record Refused(Refusal refusal, String message) implements MediaResult {

        /** The answer to a contact whose upload this was; {@code path} names the offending field. */
        public ClientError toClientError(String path) {
            return new ClientError(refusal.kind, refusal.code, message, Optional.of(path), Optional.empty());
        }
    }

    /** Why a file was refused. */
    enum Refusal {
        EMPTY(ClientError.Kind.BAD_REQUEST, "empty_file"),
        TOO_LARGE(ClientError.Kind.TOO_LARGE, "file_too_large"),
        UNSUPPORTED_TYPE(ClientError.Kind.UNSUPPORTED_MEDIA, "unsupported_media_type"),
        FETCH_FAILED(ClientError.Kind.BAD_GATEWAY, "media_fetch_failed");

        private final ClientError.Kind kind;
        private final String code;

        Refusal(ClientError.Kind kind, String code) {
            this.kind = kind;
            this.code = code;
        }
    }
}
