package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.metrics.LogContext;
import dev.parley.metrics.Meters;
import dev.parley.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts each request's id, and the conversation or bot its route names, into the log context, and
 * answers the request id as {@code X-Request-Id} (a caller's own id is kept when it is a plain token).
 */
final class RequestContext {
    static final String HEADER = "X-Request-Id";
    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Ids IDS = Ids.random();

    private RequestContext() {}

    static void register(RoutesConfig r) {
        r.before(ctx -> {
            LogContext.clear();
            String given = ctx.header(HEADER);
            String id = given != null && CALLER_ID.matcher(given).matches() ? given : IDS.hex32();
            LogContext.request(id);
            ctx.header(HEADER, id);
        });
        r.beforeMatched(ctx -> {
            String route = ctx.endpoint().path;
            Map<String, String> params = ctx.pathParamMap();
            if (route.contains("/conversations/{id}")) {
                LogContext.conversation(params.get("id"));
            }
            if (route.contains("/bots/{id}")) {
                LogContext.bot(params.get("id"));
            }
            if (params.containsKey("bot")) {
                LogContext.bot(params.get("bot"));
            }
        });
        r.after(ctx -> LogContext.clear());
    }

    /** Counts a refusal by a rate limit under the route it was made on. */
    static void refused(Context ctx, ClientError.Kind kind) {
        if (kind == ClientError.Kind.RATE_LIMITED) {
            Meters.rateLimited(ctx.endpoints().list().isEmpty() ? "unmatched" : ctx.endpoint().path);
        }
    }
}
