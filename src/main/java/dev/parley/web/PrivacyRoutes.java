package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.privacy.PrivacyService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Data rights in the admin API under {@code /api/v1}: a contact's data as a download, its erasure,
 * and the audit log of both. Admins only; agents get 403.
 */
final class PrivacyRoutes {
    private static final String BASE = OperatorRoutes.BASE;

    private final PrivacyService privacy;
    private final Function<Context, Operator> me;

    PrivacyRoutes(PrivacyService privacy, Function<Context, Operator> me) {
        this.privacy = privacy;
        this.me = me;
    }

    void register(RoutesConfig r) {
        r.get(BASE + "/contacts/{id}/export", ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(privacy.export(me.apply(ctx), id));
            ctx.header("Content-Disposition", "attachment; filename=\"contact-" + id.replaceAll("[^A-Za-z0-9_-]", "_")
                    + ".json\"");
        });
        r.post(BASE + "/contacts/{id}/erase", ctx -> ctx.json(privacy.erase(me.apply(ctx), ctx.pathParam("id"))));
        r.get(BASE + "/audit", ctx -> ctx.json(privacy.audit(me.apply(ctx), limit(ctx),
                Optional.ofNullable(ctx.queryParam("before")))));
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 200) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other value out of range
        }
        throw ClientError.badRequest("invalid_parameter", "limit must be a whole number from 1 to 200", "limit");
    }
}
