package dev.parley.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Database;
import java.util.Optional;

/** What a node needs to serve: its database and, when nodes share limits, Redis. */
public record Readiness(Database db, Optional<RedisConnection> redis) {

    /** {@code status} up only when every dependency answers, and one entry per dependency. */
    public ObjectNode check() {
        boolean database = db.isReachable();
        Optional<Boolean> shared = redis.map(RedisConnection::isReachable);
        boolean up = database && shared.orElse(true);
        ObjectNode report = Json.object().put("status", up ? "up" : "down")
                .put("database", database ? "reachable" : "unreachable");
        shared.ifPresent(reachable -> report.put("redis", reachable ? "reachable" : "unreachable"));
        return report;
    }
}
