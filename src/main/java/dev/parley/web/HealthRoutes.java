package dev.parley.web;

import dev.parley.json.Json;
import dev.parley.store.Database;
import io.javalin.config.RoutesConfig;

/** Liveness and readiness for load balancers and orchestration. */
final class HealthRoutes {
    private final Database db;

    HealthRoutes(Database db) {
        this.db = db;
    }

    void register(RoutesConfig r) {
        r.get("/health/live", ctx -> ctx.json(Json.object().put("status", "up")));
        r.get("/health/ready", ctx -> {
            boolean up = db.isReachable();
            ctx.status(up ? 200 : 503).json(Json.object().put("status", up ? "up" : "down")
                    .put("database", up ? "reachable" : "unreachable"));
        });
    }
}
