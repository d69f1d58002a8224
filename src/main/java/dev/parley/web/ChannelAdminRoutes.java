package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.preview.ChoicePreview;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.PacketCodec;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.operator.AdminChannels;
import dev.parley.operator.AdminService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Messaging channels under {@code /api/v1/channels}: list, read, create, change and disable (admins only), and
 * the per-channel preview of a choice message (every operator).
 */
final class ChannelAdminRoutes {
    private static final String ALL = OperatorRoutes.BASE + "/channels";
    private static final int MAX_BODY = 64 * 1024;

    private final AdminChannels channels;
    private final Function<Context, Operator> me;

    ChannelAdminRoutes(AdminChannels channels, Function<Context, Operator> me) {
        this.channels = channels;
        this.me = me;
    }

    void register(RoutesConfig r) {
        String one = ALL + "/{id}";
        r.get(ALL, ctx -> {
            admin(ctx);
            ctx.json(Json.object().set("items", channels.list()));
        });
        r.post(ALL, ctx -> {
            admin(ctx);
            ctx.status(201).json(channels.create(Bodies.object(ctx, MAX_BODY)));
        });
        r.get(one, ctx -> {
            admin(ctx);
            ctx.json(channels.get(ctx.pathParam("id")));
        });
        r.put(one, ctx -> {
            admin(ctx);
            ctx.json(channels.update(ctx.pathParam("id"), Bodies.object(ctx, MAX_BODY)));
        });
        r.delete(one, ctx -> {
            admin(ctx);
            ctx.json(channels.disable(ctx.pathParam("id")));
        });
        r.post(ALL + "/preview", ctx -> {
            me.apply(ctx);
            ctx.json(Json.object().set("items", ChoicePreview.of(choice(Bodies.object(ctx, MAX_BODY)))));
        });
    }

    private void admin(Context ctx) {
        AdminService.requireAdmin(me.apply(ctx));
    }

    /** The body's {@code {"name": …, "payload": {…}}} as a choice packet; 400 naming what is wrong. */
    private static ChoicePacket choice(ObjectNode body) {
        JsonNode name = body.path("name");
        if (!name.isTextual()) {
            throw ClientError.badRequest("invalid_field", "name: is required: the packet's event name, such as"
                    + " bubbles", "name");
        }
        if (!(body.path("payload") instanceof ObjectNode payload)) {
            throw ClientError.badRequest("invalid_field", "payload: is required: the packet's payload object",
                    "payload");
        }
        if (!(PacketCodec.read(name.asText(), payload) instanceof ChoicePacket choice)) {
            throw ClientError.badRequest("invalid_field", "payload: is not a " + name.asText() + " payload with"
                    + " options (bubbles, button_template or list_template)", "payload");
        }
        if (choice.choices().isEmpty()) {
            throw ClientError.badRequest("invalid_field", "payload.options: a choice has at least one option",
                    "payload.options");
        }
        return choice;
    }
}
