package dev.parley.web;

import dev.parley.flow.engine.FlowAdmin;
import dev.parley.operator.AdminService;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/** The flows of the flow bots under {@code /api/v1/flows}, for admins: list, diagram, intents, test chat. */
final class FlowRoutes {
    private final FlowAdmin flows;
    private final Function<Context, Operator> me;

    FlowRoutes(FlowAdmin flows, Function<Context, Operator> me) {
        this.flows = flows;
        this.me = me;
    }

    void register(RoutesConfig r) {
        String base = OperatorRoutes.BASE + "/flows";
        r.get(base, ctx -> {
            admin(ctx);
            ctx.json(flows.list());
        });
        r.get(base + "/{id}/graph.svg", ctx -> {
            admin(ctx);
            ctx.contentType("image/svg+xml").result(flows.svg(ctx.pathParam("id")));
        });
        r.get(base + "/{id}/intents", ctx -> {
            admin(ctx);
            ctx.json(flows.intents().view(ctx.pathParam("id")));
        });
        r.post(base + "/{id}/intents/test", ctx -> {
            admin(ctx);
            ctx.json(flows.intents().test(ctx.pathParam("id")));
        });
        r.post(base + "/{id}/test-chat", ctx -> {
            admin(ctx);
            ctx.status(201).json(flows.testChat(ctx.pathParam("id")));
        });
    }

    private void admin(Context ctx) {
        AdminService.requireAdmin(me.apply(ctx));
    }
}
