package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.cluster.Readiness;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;

/** Liveness and readiness for load balancers and orchestration. */
final class HealthRoutes {
    private final Readiness readiness;

    HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    void register(RoutesConfig r) {
        r.get("/health/live", ctx -> ctx.json(Json.object().put("status", "up")));
        r.get("/health/ready", ctx -> {
            ObjectNode report = readiness.check();
            ctx.status(report.path("status").asText().equals("up") ? 200 : 503).json(report);
        });
    }
}
