package dev.parley.web;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.TimelineItem;
import dev.parley.error.ClientError;
import dev.parley.media.MediaResult;
import dev.parley.media.MediaService;
import dev.parley.media.StoredMedia;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Optional;
import java.util.function.Function;

/** A file sent as {@code multipart/form-data} (field {@code file}, optional {@code caption}), checked and stored. */
final class MediaForm {
    private MediaForm() {}

    /** Appends the stored file of {@code upload} with {@code append}; a refused file throws, an unsent one is discarded. */
    static TimelineItem send(MediaService media, MediaRoutes.Upload upload,
            Function<ChatPacket.Media, TimelineItem> append) {
        StoredMedia stored = switch (upload.result()) {
            case MediaResult.Stored s -> s.media();
            case MediaResult.Refused refused -> throw refused.toClientError(upload.field());
        };
        try {
            return append.apply(new ChatPacket.Media(stored.url(), stored.mimeType(), stored.filename(), stored.size(),
                    upload.caption(), Optional.empty()));
        } catch (RuntimeException e) {
            media.discard(stored);
            throw e;
        }
    }

    static MediaRoutes.Upload read(Context ctx, MediaService media) {
        if (ctx.contentLength() > media.maxBytes() + MediaRoutes.MULTIPART_OVERHEAD) {
            throw tooLarge(media);
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            throw unreadable(e, media);
        }
        if (file == null) {
            throw ClientError.badRequest("invalid_field", "the multipart field 'file' is required", "file");
        }
        if (file.size() > media.maxBytes()) {
            throw tooLarge(media);
        }
        Optional<String> caption = Optional.ofNullable(ctx.formParam("caption"));
        if (caption.isPresent() && (caption.get().indexOf('\0') >= 0
                || caption.get().codePointCount(0, caption.get().length()) > MediaService.MAX_CAPTION)) {
            throw ClientError.badRequest("invalid_field", "caption must have at most " + MediaService.MAX_CAPTION
                    + " characters and no NUL characters", "caption");
        }
        return new MediaRoutes.Upload(media.upload(file.content(), Optional.ofNullable(file.contentType()),
                Optional.ofNullable(file.filename())), caption, "file");
    }

    private static ClientError tooLarge(MediaService media) {
        return new ClientError(ClientError.Kind.TOO_LARGE, "file_too_large", "the file is larger than the limit of "
                + media.maxBytes() + " bytes", Optional.of("file"), Optional.empty());
    }

    /**
     * A multipart body Jetty could not parse. Its size limits (above ours, reached only by bodies sent
     * without a length) fail with an {@link IllegalStateException}; anything else is malformed.
     */
    private static ClientError unreadable(Exception e, MediaService media) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof IllegalStateException) {
                return tooLarge(media);
            }
            t = t.getCause();
        }
        if (t instanceof IllegalStateException) {
            return tooLarge(media);
        }
        return ClientError.badRequest("invalid_multipart", "the multipart body cannot be read: "
                + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }
}
