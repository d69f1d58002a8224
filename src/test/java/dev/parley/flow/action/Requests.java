package dev.parley.flow.action;

import dev.parley.flow.spi.ActionLog;
import dev.parley.flow.spi.ActionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Action requests for tests, with a timeline log that keeps its lines. */
final class Requests {
    private Requests() {}

    /** A timeline that remembers what the action wrote. */
    static final class Timeline implements ActionLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            lines.add("info: " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("warn: " + message);
        }
    }

    static ActionRequest request(Map<String, Object> params) {
        return request(params, Duration.ofSeconds(10), new Timeline());
    }

    static ActionRequest request(Map<String, Object> params, Duration deadline, ActionLog log) {
        return new ActionRequest("lookup", params, Map.of("orders_url", "http://orders.test"), "sandbox",
                Map.of("order_id", "123456", "first_name", "Carla"),
                Map.of("id", "c-1", "name", "Carla", "email", "carla@example.com"),
                Map.of("id", "conv-1", "locale", "en"), log, Instant.now().plus(deadline));
    }
}
