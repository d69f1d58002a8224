package dev.parley.chatbot;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;

/** Records every webhook call of a bot: status, latency, attempt, bodies. */
final class DeliveryLog {
    private static final int MAX_BODY = 16 * 1024;

    /** One call, as recorded. */
    record Entry(String botId, String cid, String eventId, String eventName, int attempt, Instant at,
            long latencyMs, Optional<Integer> status, String outcome, Optional<String> error, String requestBody,
            Optional<String> responseBody) {}

    void record(Tx tx, Entry e) {
        tx.handle().createUpdate("""
                INSERT INTO deliveries (bot_id, cid, event_id, event_name, attempt, at, latency_ms, status_code,
                  outcome, error, request_body, response_body)
                VALUES (:bot, :cid, :event, :name, :attempt, :at, :latency, :status, :outcome, :error, :req, :res)""")
                .bind("bot", e.botId()).bind("cid", e.cid()).bind("event", e.eventId()).bind("name", e.eventName())
                .bind("attempt", e.attempt()).bind("at", e.at().toEpochMilli()).bind("latency", e.latencyMs())
                .bind("status", e.status().orElse(null)).bind("outcome", e.outcome())
                .bind("error", e.error().orElse(null)).bind("req", cut(e.requestBody()))
                .bind("res", e.responseBody().map(DeliveryLog::cut).orElse(null))
                .execute();
    }

    private static String cut(String s) {
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…";
    }
}
