package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.operator.AdminResource;
import dev.parley.operator.AdminService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin part of the operator API under {@code /api/v1}: bots, operators, groups, widgets, API tokens,
 * signing secrets and delivery logs. Admins only; agents get 403.
 */
final class AdminRoutes {
    private static final String BASE = OperatorRoutes.BASE;
    private static final int MAX_BODY = 64 * 1024;

    private final AdminService admin;
    private final Function<Context, Operator> me;

    AdminRoutes(AdminService admin, Function<Context, Operator> me) {
        this.admin = admin;
        this.me = me;
    }

    void register(RoutesConfig r) {
        for (AdminResource res : admin.resources()) {
            String all = BASE + "/" + res.kind();
            String one = all + "/{id}";
            r.get(all, ctx -> {
                admin(ctx);
                ctx.json(Json.object().set("items", res.list()));
            });
            r.post(all, ctx -> ctx.status(201).json(res.create(admin(ctx), Bodies.object(ctx, MAX_BODY))));
            r.get(one, ctx -> {
                admin(ctx);
                ctx.json(res.get(ctx.pathParam("id")));
            });
            r.put(one, ctx -> ctx.json(res.update(admin(ctx), ctx.pathParam("id"), Bodies.object(ctx, MAX_BODY))));
            r.delete(one, ctx -> ctx.json(res.delete(admin(ctx), ctx.pathParam("id"), force(ctx))));
        }
        new ChannelAdminRoutes(admin.channels(), me).register(r);
        String bot = BASE + "/bots/{id}";
        r.post(bot + "/token", ctx -> {
            admin(ctx);
            ctx.status(201).json(Json.object().put("api_token", admin.bots().newApiToken(ctx.pathParam("id"))));
        });
        r.post(bot + "/signing-secret", ctx -> {
            admin(ctx);
            ctx.status(201).json(Json.object()
                    .put("signing_secret", admin.bots().newSigningSecret(ctx.pathParam("id"))));
        });
        r.delete(bot + "/signing-secret", ctx -> {
            admin(ctx);
            ctx.json(admin.bots().removeSigningSecret(ctx.pathParam("id")));
        });
        r.get(bot + "/deliveries", ctx -> {
            admin(ctx);
            ctx.json(admin.deliveries().list(ctx.pathParam("id"), limit(ctx), before(ctx)));
        });
    }

    private Operator admin(Context ctx) {
        return AdminService.requireAdmin(me.apply(ctx));
    }

    private static boolean force(Context ctx) {
        String raw = ctx.queryParam("force");
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ClientError.badRequest("invalid_parameter", "force must be true or false", "force");
    }

    private static int limit(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("limit")).map(raw -> (int) number(raw, "limit", 1, 200)).orElse(50);
    }

    private static Optional<Long> before(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("before")).map(raw -> number(raw, "before", 1, Long.MAX_VALUE));
    }

    private static long number(String raw, String name, long min, long max) {
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other value out of range
        }
        throw ClientError.badRequest("invalid_parameter", name + " must be a whole number from " + min + " to "
                + max, name);
    }
}
