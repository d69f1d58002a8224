package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.metrics.ParleyMetrics;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** {@code GET /metrics}: Prometheus text, behind a bearer token when one is configured. */
final class MetricsRoutes {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ParleyMetrics metrics;

    MetricsRoutes(ParleyMetrics metrics) {
        this.metrics = metrics;
    }

    void register(RoutesConfig r) {
        r.get("/metrics", ctx -> {
            if (!metrics.allows(Optional.ofNullable(ctx.header("Authorization")))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
                throw ClientError.unauthorized("send the metrics token as Authorization: Bearer");
            }
            ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
        });
    }
}
