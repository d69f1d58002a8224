package dev.parley.web;

import dev.parley.conversation.ContactService;
import dev.parley.operator.CannedResponses;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/** {@code /api/v1/canned-responses}: every operator reads theirs; admins create, change and delete them. */
final class CannedRoutes {
    private static final String ALL = OperatorRoutes.BASE + "/canned-responses";
    private static final int MAX_BODY = 64 * 1024;

    private final CannedResponses canned;
    private final Function<Context, Operator> me;

    CannedRoutes(CannedResponses canned, Function<Context, Operator> me) {
        this.canned = canned;
        this.me = me;
    }

    void register(RoutesConfig r) {
        r.get(ALL, ctx -> ctx.json(canned.list(me.apply(ctx))));
        r.post(ALL, ctx -> {
            Operator who = me.apply(ctx);
            ctx.status(201).json(canned.create(who, draft(ctx)));
        });
        r.put(ALL + "/{id}", ctx -> {
            Operator who = me.apply(ctx);
            ctx.json(canned.update(who, ctx.pathParam("id"), draft(ctx)));
        });
        r.delete(ALL + "/{id}", ctx -> {
            canned.delete(me.apply(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private static CannedResponses.Draft draft(Context ctx) {
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        return new CannedResponses.Draft(f.requiredString("shortcut", 1, 32),
                f.requiredString("body", 1, ContactService.MAX_MESSAGE), f.optionalString("group_id", 1, 64));
    }
}
