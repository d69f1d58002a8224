package dev.parley.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /console}: the operator console's page; its scripts and styles are static files under
 * {@code /static/console/}. The page may run only its own scripts, so markup that slipped into a
 * message could not run even if the console rendered it. Also {@code /}, a landing page pointing to
 * the demo and the console, and {@code /console/conversations/{id}}, the conversation link bots get.
 */
final class ConsoleRoutes {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: blob:;"
            + " media-src 'self' https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    private final byte[] console = resource("/static/console/index.html");
    private final byte[] landing = resource("/static/landing/index.html");

    void register(RoutesConfig r) {
        r.get("/", ctx -> page(ctx, landing));
        r.get("/console", ctx -> page(ctx, console));
        r.get("/console/", ctx -> ctx.redirect("/console"));
        r.get("/console/conversations/{id}", ctx -> ctx.redirect("/console#/all/"
                + URLEncoder.encode(ctx.pathParam("id"), StandardCharsets.UTF_8)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page " + name, e);
        }
    }

    private static void page(Context ctx, byte[] page) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page);
    }
}
