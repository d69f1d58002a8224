package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP answers: an error object, never a stack trace. */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void register(RoutesConfig routes) {
        routes.before(ctx -> checkQuery(ctx.queryString()));
        routes.exception(ClientError.class, (e, ctx) -> {
            e.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(wholeSeconds(d))));
            RequestContext.refused(ctx, e.kind());
            write(ctx, e.kind().status, e.code(), e.getMessage(), e.path());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), codeFor(e.getStatus()),
                messageFor(e, ctx), Optional.empty()));
        routes.exception(Exception.class, (e, ctx) -> {
            Optional<Throwable> expired = cause(e, ReadDeadline.Expired.class);
            if (expired.isPresent()) {
                log.warn("{} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), expired.get().getMessage());
                ctx.header("Connection", "close");
                write(ctx, 408, "request_timeout", expired.get().getMessage(), Optional.empty());
                return;
            }
            if (cause(e, EOFException.class).isPresent()) {
                // the client closed before sending the body it announced: its fault, and no stack trace to flood the log
                log.warn("{} {} from {}: the body ended early", ctx.method(), ctx.path(), ctx.ip());
                write(ctx, 400, "body_incomplete", "the body ended before the length it announced",
                        Optional.empty());
                return;
            }
            if (overloaded(e)) {
                log.warn("no database connection free for {} {}", ctx.method(), ctx.path());
                ctx.header("Retry-After", "1");
                write(ctx, 503, "overloaded", "Parley is busy; retry in a moment", Optional.empty());
                return;
            }
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "Parley failed to handle this request; it has been logged",
                    Optional.empty());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path(), Optional.empty());
            }
        });
    }

    /** A wait in whole seconds, rounded up: a client that waits as told is not refused again. */
    private static long wholeSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static Optional<Throwable> cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean overloaded(Throwable e) {
        return cause(e, SQLTransientConnectionException.class).isPresent();
    }


    /** Query strings are decoded by the routes; refuse what no parameter may hold before any of them runs. */
    private static void checkQuery(String query) {
        if (query == null) {
            return;
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("invalid_parameter", "the query string is not properly %-encoded");
        }
        if (decoded.indexOf('\0') >= 0) {
            throw ClientError.badRequest("invalid_parameter", "query parameters must not contain NUL characters");
        }
    }

    static void write(Context ctx, int status, String code, String message, Optional<String> path) {
        ObjectNode error = Json.object();
        ObjectNode inner = error.putObject("error");
        inner.put("code", code);
        inner.put("message", message);
        path.ifPresent(p -> inner.put("path", p));
        ctx.status(status).contentType("application/json").result(Json.write(error));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no endpoint " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the body is too large";
            default -> e.getMessage();
        };
    }
}
