package dev.parley.web;

import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.TimelineItem;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.limit.ContactLimits;
import dev.parley.media.MediaResult;
import dev.parley.media.MediaService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Files in conversations: contacts upload them ({@code POST /api/web/v1/conversations/{id}/media}),
 * and anyone with the link gets them back from {@code GET /media/{id}/{filename}} in a way no browser
 * runs as a page.
 */
final class MediaRoutes {
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final int MAX_JSON = 64 * 1024;

    private final ContactService contacts;
    private final MediaService media;
    private final ContactLimits limits;

    MediaRoutes(ContactService contacts, MediaService media, ContactLimits limits) {
        this.contacts = contacts;
        this.media = media;
        this.limits = limits;
    }

    void register(RoutesConfig r) {
        r.post(ContactRoutes.BASE + "/conversations/{id}/media", this::upload);
        r.get("/media/{id}/{filename}", this::download);
    }

    /** What the contact sent: the stored (or refused) file, its caption, and the field it came in. */
    record Upload(MediaResult result, Optional<String> caption, String field) {}

    private void upload(Context ctx) {
        Contact contact = contacts.authenticate(ContactRoutes.bearer(ctx.header("Authorization")));
        String conversationId = ctx.pathParam("id");
        contacts.owned(contact, conversationId);
        limits.uploading(ctx.ip(), contact.id());
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        Upload upload;
        if (type.startsWith("multipart/form-data")) {
            upload = MediaForm.read(ctx, media);
        } else if (type.startsWith("application/json")) {
            upload = fromJson(ctx);
        } else {
            throw new ClientError(ClientError.Kind.UNSUPPORTED_MEDIA, "unsupported_content_type", "send the file as"
                    + " multipart/form-data (field 'file', optional 'caption') or as JSON {\"url\": \"https://…\"}",
                    Optional.empty(), Optional.empty());
        }
        TimelineItem item = MediaForm.send(media, upload, payload -> contacts.upload(contact, conversationId,
                payload));
        ctx.status(202).json(Json.object().put("message_id", item.id()).put("seq", item.seq()));
    }

    private Upload fromJson(Context ctx) {
        Fields f = new Fields(Bodies.object(ctx, MAX_JSON));
        String url = f.requiredString("url", 1, 2048);
        Optional<String> caption = f.optionalString("caption", 0, MediaService.MAX_CAPTION);
        Optional<String> filename = f.optionalString("filename", 1, 255);
        if (!absoluteHttp(url)) {
            throw ClientError.badRequest("invalid_field", "url must be an absolute http or https URL, got '" + url
                    + "'", "url");
        }
        return new Upload(media.fetch(url, Optional.empty(), filename), caption, "url");
    }

    private void download(Context ctx) {
        MediaService.Download file = media.download(ctx.pathParam("id"), ctx.pathParam("filename"))
                .orElseThrow(() -> ClientError.notFound("media file", ctx.pathParam("id")));
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", file.contentDisposition());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.result(file.open());
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
