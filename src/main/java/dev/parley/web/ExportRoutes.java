package dev.parley.web;

import dev.parley.operator.ConversationExport;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * {@code GET /api/v1/conversations.csv}: the conversations the list's filters select (the same query parameters
 * as {@code GET /api/v1/conversations}, without paging), as a CSV download for admins.
 */
final class ExportRoutes {
    private final ConversationExport export;
    private final Function<Context, Operator> me;

    ExportRoutes(ConversationExport export, Function<Context, Operator> me) {
        this.export = export;
        this.me = me;
    }

    void register(RoutesConfig r) {
        r.get(OperatorRoutes.BASE + "/conversations.csv", ctx -> {
            Operator who = me.apply(ctx);
            String csv = export.csv(who, ConversationFilters.of(ctx, ConversationExport.MAX_ROWS));
            ctx.header("Content-Disposition", "attachment; filename=\"conversations.csv\"")
                    .header("Cache-Control", "no-store").contentType("text/csv; charset=utf-8").result(csv);
        });
    }
}
