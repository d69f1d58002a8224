package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.media.MediaService;
import dev.parley.conversation.TimelineItem;
import dev.parley.operator.OperatorService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/v1/conversations/{id}/media}: an operator sends the contact a file, checked and stored as
 * the contact's uploads are; only where the operator may reply.
 */
final class OperatorMediaRoutes {
    private final OperatorService operators;
    private final MediaService media;
    private final Function<Context, Operator> me;

    OperatorMediaRoutes(OperatorService operators, MediaService media, Function<Context, Operator> me) {
        this.operators = operators;
        this.media = media;
        this.me = me;
    }

    void register(RoutesConfig r) {
        r.post(OperatorRoutes.BASE + "/conversations/{id}/media", this::upload);
    }

    private void upload(Context ctx) {
        Operator who = me.apply(ctx);
        String conversationId = ctx.pathParam("id");
        operators.requireMayReply(who, conversationId);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ClientError(ClientError.Kind.UNSUPPORTED_MEDIA, "unsupported_content_type",
                    "send the file as multipart/form-data (field 'file', optional 'caption')", Optional.empty(),
                    Optional.empty());
        }
        MediaRoutes.Upload upload = MediaForm.read(ctx, media);
        TimelineItem item = MediaForm.send(media, upload, payload -> operators.attach(who, conversationId, payload));
        ctx.status(201).json(Json.object().put("message_id", item.id()).put("seq", item.seq()));
    }
}
