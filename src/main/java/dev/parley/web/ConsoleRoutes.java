package dev.parley.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /console}: the operator console's page; its scripts and styles are static files under
 * {@code /static/console/}. The page may run only its own scripts, so markup that slipped into a
 * message could not run even if the console rendered it.
 */
final class ConsoleRoutes {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: blob:;"
            + " media-src 'self' https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    private final byte[] page;

    ConsoleRoutes() {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/static/console/index.html")) {
            if (in == null) {
                throw new IllegalStateException("the console page /static/console/index.html is not on the classpath");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console page", e);
        }
    }

    void register(RoutesConfig r) {
        r.get("/console", this::page);
        r.get("/console/", ctx -> ctx.redirect("/console"));
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page);
    }
}
