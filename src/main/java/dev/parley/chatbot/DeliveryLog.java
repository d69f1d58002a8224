package dev.parley.chatbot;

import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Records every webhook call of a bot: status, latency, attempt, outcome, bodies. Bodies and errors are
 * stored with the bot's secrets masked ({@link DeliveryMasking}), so rotating a secret cannot leave it
 * readable in old rows.
 */
public final class DeliveryLog {
    private static final int MAX_BODY = 16 * 1024;

    /** One call, as recorded. */
    public record Entry(String botId, String cid, String eventId, String eventName, int attempt, Instant at,
            Duration latency, Optional<Integer> status, String outcome, Optional<String> error, String requestBody,
            Optional<String> responseBody) {

        Entry outcome(String newOutcome, Optional<String> newError) {
            return new Entry(botId, cid, eventId, eventName, attempt, at, latency, status, newOutcome, newError,
                    requestBody, responseBody);
        }

        Entry answer(Optional<Integer> newStatus, Optional<String> newResponse) {
            return new Entry(botId, cid, eventId, eventName, attempt, at, latency, newStatus, outcome, error,
                    requestBody, newResponse);
        }
    }

    /** Records a call; sent with the commit of {@code tx} when nothing follows it. */
    void record(Tx tx, Bot bot, Entry e) {
        tx.afterCommit(() -> WebhookCalls.recorded(e));
        DeliveryMasking masking = DeliveryMasking.of(bot);
        Map<String, Object> row = new HashMap<>();
        row.put("bot", e.botId());
        row.put("cid", e.cid());
        row.put("event", e.eventId());
        row.put("name", e.eventName());
        row.put("attempt", e.attempt());
        row.put("at", e.at().toEpochMilli());
        row.put("latency", e.latency().toMillis());
        row.put("status", e.status().orElse(null));
        row.put("outcome", e.outcome());
        row.put("error", e.error().map(masking::text).orElse(null));
        row.put("req", cut(masking.mask(e.requestBody())));
        row.put("res", e.responseBody().map(masking::mask).map(DeliveryLog::cut).orElse(null));
        tx.writeDeferred("""
                INSERT INTO deliveries (bot_id, cid, event_id, event_name, attempt, at, latency_ms, status_code,
                  outcome, error, request_body, response_body)
                VALUES (:bot, :cid, :event, :name, :attempt, :at, :latency, :status, :outcome, :error, :req, :res)""",
                row);
    }

    /** A recorded call and its id; ids grow with time. */
    public record Logged(long id, Entry entry) {}

    /** The bot's calls, newest first: at most {@code limit}, only those older than {@code before} when given. */
    public List<Logged> list(Handle h, String botId, int limit, Optional<Long> before) {
        return h.createQuery("""
                SELECT * FROM deliveries WHERE bot_id = :bot AND id < :before ORDER BY id DESC LIMIT :limit""")
                .bind("bot", botId).bind("before", before.orElse(Long.MAX_VALUE)).bind("limit", limit)
                .map((rs, ctx) -> {
                    int status = rs.getInt("status_code");
                    Optional<Integer> code = rs.wasNull() ? Optional.empty() : Optional.of(status);
                    return new Logged(rs.getLong("id"), new Entry(rs.getString("bot_id"), rs.getString("cid"),
                            rs.getString("event_id"), rs.getString("event_name"), rs.getInt("attempt"),
                            Instant.ofEpochMilli(rs.getLong("at")), Duration.ofMillis(rs.getLong("latency_ms")), code,
                            rs.getString("outcome"), Optional.ofNullable(rs.getString("error")),
                            Objects.requireNonNullElse(rs.getString("request_body"), ""),
                            Optional.ofNullable(rs.getString("response_body"))));
                }).list();
    }

    /** Forgets a bot's calls (the bot is deleted; a new bot of that id starts with an empty log). */
    public void deleteAll(Tx tx, String botId) {
        tx.handle().createUpdate("DELETE FROM deliveries WHERE bot_id = :bot").bind("bot", botId).execute();
    }

    private static String cut(String s) {
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…";
    }
}
