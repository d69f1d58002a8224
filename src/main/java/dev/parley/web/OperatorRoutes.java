package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.TimelineItem;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.operator.ConsoleLanguages;
import dev.parley.operator.ConversationCounts;
import dev.parley.operator.ConversationQueries;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorJson;
import dev.parley.operator.OperatorService;
import dev.parley.operator.OperatorTyping;
import dev.parley.operator.Presence;
import dev.parley.operator.ReadMarks;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The operator API (platform spec §4) under {@code /api/v1}: log-in, status, conversations. */
final class OperatorRoutes {
    static final String BASE = "/api/v1";
    private static final int MAX_BODY = 64 * 1024;

    private final OperatorAuth auth;
    private final OperatorService operators;
    private final ConversationQueries queries;
    private final ReadMarks reads;
    private final ConversationCounts counts;
    private final Presence presence;
    private final OperatorTyping typing;
    private final ConsoleLanguages languages;

    OperatorRoutes(OperatorAuth auth, OperatorService operators, ConversationQueries queries, ReadMarks reads,
            ConversationCounts counts, Presence presence, OperatorTyping typing, ConsoleLanguages languages) {
        this.languages = languages;
        this.presence = presence;
        this.typing = typing;
        this.auth = auth;
        this.operators = operators;
        this.queries = queries;
        this.reads = reads;
        this.counts = counts;
    }

    void register(RoutesConfig r) {
        r.post(BASE + "/auth/login", this::login);
        r.post(BASE + "/auth/logout", ctx -> {
            auth.logout(ContactRoutes.bearer(ctx.header("Authorization")));
            ctx.status(204);
        });
        r.get(BASE + "/operators/me", ctx -> {
            Operator me = me(ctx);
            ctx.json(OperatorJson.operator(me).put("language", languages.of(me).orElse(null)));
        });
        r.put(BASE + "/operators/me/status", this::status);
        r.put(BASE + "/operators/me/language", this::language);
        r.get(BASE + "/forward-targets", ctx -> ctx.json(operators.forwardTargets(me(ctx))));
        r.get(BASE + "/conversations", this::list);
        r.get(BASE + "/conversations/counts", ctx -> ctx.json(counts.of(me(ctx))));
        r.post(BASE + "/conversations/{id}/read", ctx -> {
            Operator me = me(ctx);
            reads.mark(me, ctx.pathParam("id"), new Fields(Bodies.object(ctx, MAX_BODY)).requiredWhole("seq", 0));
            ctx.status(204);
        });
        r.get(BASE + "/conversations/{id}", ctx -> ctx.json(queries.detail(me(ctx), ctx.pathParam("id"))));
        r.post(BASE + "/conversations/{id}/take", ctx -> {
            operators.take(me(ctx), ctx.pathParam("id"));
            ctx.json(queries.detail(me(ctx), ctx.pathParam("id")));
        });
        r.post(BASE + "/conversations/{id}/messages", this::reply);
        r.post(BASE + "/conversations/{id}/forward", this::forward);
        r.post(BASE + "/conversations/{id}/typing", ctx -> {
            Operator me = me(ctx);
            typing.typing(me, ctx.pathParam("id"), new Fields(Bodies.object(ctx, MAX_BODY)).requiredBoolean("active"));
            ctx.status(204);
        });
        r.post(BASE + "/conversations/{id}/end", ctx -> {
            operators.end(me(ctx), ctx.pathParam("id"));
            ctx.json(Json.object().put("status", "ended"));
        });
        r.post(BASE + "/conversations/{id}/notes", ctx -> {
            Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
            var note = operators.note(me(ctx), ctx.pathParam("id"), f.requiredString("body", 1, 10_000));
            ctx.status(201).json(Json.object().put("id", note.id()));
        });
    }

    /** The operator a request's bearer token belongs to. */
    Operator me(Context ctx) {
        return auth.authenticate(ContactRoutes.bearer(ctx.header("Authorization")));
    }

    private void login(Context ctx) {
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        OperatorAuth.Login login = auth.login(f.requiredString("email", 3, 254), f.requiredString("password", 1, 1000),
                ctx.ip());
        ObjectNode out = Json.object().put("token", login.token());
        ObjectNode op = out.putObject("operator");
        op.put("id", login.operator().id()).put("name", login.operator().name())
                .put("role", login.operator().role().name().toLowerCase());
        ctx.json(out);
    }

    private void status(Context ctx) {
        Operator me = me(ctx);
        String status = new Fields(Bodies.object(ctx, MAX_BODY)).requiredString("status", 1, 20);
        if (!OperatorService.STATUSES.contains(status)) {
            throw ClientError.badRequest("invalid_field", "status must be one of online, away, offline, got '"
                    + status + "'", "status");
        }
        operators.setStatus(me, status);
        presence.seen(me.id());
        ctx.json(Json.object().put("status", status));
    }

    private void language(Context ctx) {
        Operator me = me(ctx);
        String language = new Fields(Bodies.object(ctx, MAX_BODY)).requiredString("language", 1, 20);
        if (!ConsoleLanguages.SHIPPED.contains(language)) {
            throw ClientError.badRequest("invalid_field", "language must be one of "
                    + String.join(", ", ConsoleLanguages.SHIPPED) + ", got '" + language + "'", "language");
        }
        languages.choose(me, language);
        ctx.json(Json.object().put("language", language));
    }

    private void list(Context ctx) {
        Operator me = me(ctx);
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(OperatorRoutes::limit).orElse(50);
        ctx.json(queries.list(me, ConversationFilters.of(ctx, limit)));
    }

    private void reply(Context ctx) {
        Operator me = me(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String body = f.requiredString("body", 1, ContactService.MAX_MESSAGE);
        String format = f.optionalString("text_format", 1, 20).orElse("plain");
        if (!format.equals("plain") && !format.equals("markdown_v1")) {
            throw ClientError.badRequest("invalid_field", "text_format must be plain or markdown_v1", "text_format");
        }
        TimelineItem item = operators.reply(me, ctx.pathParam("id"), body, format);
        ctx.status(201).json(Json.object().put("message_id", item.id()).put("seq", item.seq()));
    }

    private void forward(Context ctx) {
        Operator me = me(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        Optional<String> group = f.optionalString("group_id", 1, 64);
        Optional<String> operator = f.optionalString("operator_id", 1, 64);
        if (group.isPresent() == operator.isPresent()) {
            throw ClientError.badRequest("invalid_field", "send exactly one of group_id or operator_id", "group_id");
        }
        operators.forward(me, ctx.pathParam("id"), group, operator);
        ctx.json(queries.detail(me, ctx.pathParam("id")));
    }

    /** A day {@code YYYY-MM-DD} (UTC) of a date filter; both ends are inclusive. */
    private static int limit(String raw) {
        try {
            int v = Integer.parseInt(raw);
            if (v >= 1 && v <= 200) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw ClientError.badRequest("invalid_parameter", "limit must be a whole number from 1 to 200", "limit");
    }
}
