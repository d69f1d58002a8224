package dev.parley.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.braze.BrazeClient;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Scrape;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requests to Braze (a stand-in on loopback) are counted by endpoint and outcome, with their object counts. */
class BrazeMetersTest {
    private static final String KEY = "braze-key";

    private static ObjectNode track(int attributes, int events) {
        ObjectNode body = Json.object();
        for (int i = 0; i < attributes; i++) {
            body.withArray("attributes").addObject().put("external_id", "u" + i).put("tier", "gold");
        }
        for (int i = 0; i < events; i++) {
            body.withArray("events").addObject().put("external_id", "u" + i).put("name", "chat_ended")
                    .put("time", "2026-01-01T00:00:00Z");
        }
        return body;
    }

    @Test
    void eachRequestCountsItsOutcomeAndObjects() {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY); ParleyMetrics metrics = ParleyMetrics.start(Optional.empty())) {
            BrazeClient client = new BrazeClient(braze.url(), KEY, Duration.ofSeconds(5));
            client.track(track(3, 2));
            braze.mode(BrazeStandIn.Mode.RATE_LIMITED);
            client.track(track(1, 0));
            braze.mode(BrazeStandIn.Mode.SERVER_ERROR);
            client.track(track(1, 0));
            braze.mode(BrazeStandIn.Mode.ACCEPT);
            new BrazeClient(braze.url(), "wrong-key", Duration.ofSeconds(5)).track(track(1, 0));

            Scrape s = new Scrape(metrics.scrape());
            assertThat(s.value("parley_braze_requests_total", Map.of("endpoint", "/users/track", "outcome", "success")))
                    .isEqualTo(1);
            assertThat(s.value("parley_braze_requests_total", Map.of("outcome", "rate_limited"))).isEqualTo(1);
            assertThat(s.value("parley_braze_requests_total", Map.of("outcome", "server_error"))).isEqualTo(1);
            assertThat(s.value("parley_braze_requests_total", Map.of("outcome", "rejected"))).isEqualTo(1);
            assertThat(s.value("parley_braze_request_objects_count", Map.of("endpoint", "/users/track")))
                    .isEqualTo(4);
            assertThat(s.value("parley_braze_request_objects_sum", Map.of("endpoint", "/users/track"))).isEqualTo(8);
            assertThat(s.value("parley_braze_request_objects_bucket", Map.of("endpoint", "/users/track", "le", "1.0")))
                    .isEqualTo(3);
        }
    }
}
