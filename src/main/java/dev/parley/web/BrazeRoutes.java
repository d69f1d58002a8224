package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.braze.BrazeDeadLetters;
import dev.parley.json.Json;
import dev.parley.operator.AdminService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Braze part of the admin API under {@code /api/v1/integrations/braze}: objects Braze refused
 * (dead letters) and re-sending them, one or all, and the alerts raised. Admins only; agents get 403.
 */
final class BrazeRoutes {
    private static final String BASE = OperatorRoutes.BASE + "/integrations/braze/dead-letters";
    private static final String ALERTS = OperatorRoutes.BASE + "/integrations/braze/alerts";
    private static final int MAX_BODY = 1024 * 1024;

    private final BrazeDeadLetters deadLetters;
    private final Function<Context, Operator> me;

    BrazeRoutes(BrazeDeadLetters deadLetters, Function<Context, Operator> me) {
        this.deadLetters = deadLetters;
        this.me = me;
    }

    void register(RoutesConfig r) {
        r.get(BASE, ctx -> {
            admin(ctx);
            ArrayNode items = Json.array();
            deadLetters.list().forEach(d -> items.add(d.toJson()));
            ctx.json(Json.object().set("items", items));
        });
        r.get(ALERTS, ctx -> {
            admin(ctx);
            ArrayNode items = Json.array();
            deadLetters.alerts().forEach(a -> items.add(a.toJson()));
            ctx.json(Json.object().set("items", items));
        });
        r.post(BASE + "/resend", ctx -> {
            admin(ctx);
            ctx.status(202).json(Json.object().put("queued", deadLetters.resendAll()));
        });
        r.post(BASE + "/{id}/resend", ctx -> {
            admin(ctx);
            Optional<JsonNode> corrected = Bodies.bytes(ctx, MAX_BODY).length == 0 ? Optional.empty()
                    : Optional.of(Bodies.object(ctx, MAX_BODY));
            int queued = deadLetters.resend(ctx.pathParam("id"), corrected);
            ctx.status(202).json(Json.object().put("id", ctx.pathParam("id")).put("queued", queued));
        });
    }

    private Operator admin(Context ctx) {
        return AdminService.requireAdmin(me.apply(ctx));
    }
}
