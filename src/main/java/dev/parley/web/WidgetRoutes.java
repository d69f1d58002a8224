package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The website widget: {@code /widget.js} and {@code /widget.css} (the shared pieces and the widget's
 * modules concatenated in a fixed order, so the embed snippet loads one script and one stylesheet),
 * {@code GET /api/web/v1/widgets/{widget}/settings} (what the widget needs before it shows anything: its
 * language), the demo page, and cross-origin access to the contact API, which the widget calls from
 * the customer's own site. The contact API authenticates with a bearer token, never with cookies, so
 * any origin may call it.
 */
final class WidgetRoutes {
    private static final String CACHE = "public, max-age=300";

    private static final Pattern WIDGET_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String DEFAULT_WIDGET = "website";

    /** Each file is a classic script; later ones use the globals of earlier ones, widget.js starts the widget. */
    private static final List<String> SCRIPTS = List.of("/static/shared/dom.js", "/static/shared/backoff.js",
            "/static/shared/i18n.js", "/static/shared/messages/transcript.en.js",
            "/static/shared/messages/transcript.de.js", "/static/shared/render.js", "/static/widget/messages/en.js",
            "/static/widget/messages/de.js", "/static/widget/storage.js", "/static/widget/transport.js",
            "/static/widget/view.js", "/static/widget/offline.js", "/static/widget/page.js", "/static/widget/chat.js",
            "/static/widget/widget.js");

    private final String script;
    private final String styles;
    private final String demo;
    private final Map<String, String> locales;

    /** {@code locales}: widget id → the language tag its texts are shown in, for widgets that set one. */
    WidgetRoutes(Map<String, String> locales) {
        this.locales = Map.copyOf(locales);
        this.script = concat(SCRIPTS);
        this.styles = concat(List.of("/static/shared/render.css", "/static/widget/widget.css"));
        this.demo = concat(List.of("/widget/demo.html"));
    }

    void register(RoutesConfig r) {
        r.get("/widget.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", script));
        r.get("/widget.css", ctx -> asset(ctx, "text/css; charset=utf-8", styles));
        r.get("/demo", this::demo);
        r.get(ContactRoutes.BASE + "/widgets/{widget}/settings", this::settings);
        r.before(ContactRoutes.BASE + "/*", ctx -> ctx.header("Access-Control-Allow-Origin", "*"));
        r.options(ContactRoutes.BASE + "/*", ctx -> ctx.status(204)
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .header("Access-Control-Max-Age", "600"));
    }

    private void settings(Context ctx) {
        String widget = widgetId(ctx.pathParam("widget"), "widget");
        ObjectNode out = Json.object();
        Optional.ofNullable(locales.get(widget)).ifPresent(locale -> out.put("locale", locale));
        ctx.header("Cache-Control", CACHE).json(out);
    }

    private static String widgetId(String value, String field) {
        if (!WIDGET_ID.matcher(value).matches()) {
            throw ClientError.badRequest("invalid_parameter", field + " must be a widget id (1–64 letters, digits,"
                    + " '_', '.' or '-')", field);
        }
        return value;
    }

    /** A made-up company page that embeds the widget {@code ?widget=<id>} with the console's snippet. */
    private void demo(Context ctx) {
        String widget = widgetId(Optional.ofNullable(ctx.queryParam("widget")).orElse(DEFAULT_WIDGET), "widget");
        ctx.contentType("text/html; charset=utf-8").result(demo.replace("{{SNIPPET}}",
                "<script src=\"/widget.js\" data-parley-widget=\"" + widget + "\" async></script>"));
    }

    private static void asset(Context ctx, String type, String body) {
        ctx.header("Cache-Control", CACHE).header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff").contentType(type).result(body);
    }

    private static String concat(List<String> resources) {
        StringBuilder out = new StringBuilder();
        for (String name : resources) {
            try (InputStream in = WidgetRoutes.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the widget asset " + name + " is missing from the build");
                }
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the widget asset " + name, e);
            }
        }
        return out.toString();
    }
}
