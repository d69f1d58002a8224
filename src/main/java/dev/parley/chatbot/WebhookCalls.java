package dev.parley.chatbot;

import dev.parley.metrics.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a recorded webhook call becomes a metric and a log line, whatever its outcome: a new
 * outcome is a new label value. No bodies or error texts are logged (they may quote the conversation).
 */
final class WebhookCalls {
    private static final Logger log = LoggerFactory.getLogger(WebhookCalls.class);

    private WebhookCalls() {}

    static void recorded(DeliveryLog.Entry e) {
        Meters.webhookCall(e.botId(), e.outcome(), e.latency());
        String status = e.status().map(s -> "HTTP " + s).orElse("no answer");
        if ("delivered".equals(e.outcome())) {
            log.debug("webhook {} attempt {} to bot {}: {}, {}, {} ms", e.eventName(), e.attempt(), e.botId(),
                    e.outcome(), status, e.latency().toMillis());
        } else {
            log.warn("webhook {} attempt {} to bot {}: {}, {}, {} ms", e.eventName(), e.attempt(), e.botId(),
                    e.outcome(), status, e.latency().toMillis());
        }
    }
}
