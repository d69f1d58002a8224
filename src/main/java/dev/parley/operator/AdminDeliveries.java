package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.chatbot.DeliveryLog;
import dev.parley.chatbot.DeliveryMasking;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.store.Database;
import java.util.List;
import java.util.Optional;

/** A bot's webhook delivery log, newest first, with its secrets masked ({@link DeliveryMasking}). */
public final class AdminDeliveries {
    private final Database db;
    private final AdminBots bots;
    private final DeliveryLog log;

    AdminDeliveries(Database db, AdminBots bots, DeliveryLog log) {
        this.db = db;
        this.bots = bots;
        this.log = log;
    }

    /**
     * At most {@code limit} calls, older than the call {@code before} when given; {@code next_before}
     * continues the list, or is {@code null} at its end.
     */
    public ObjectNode list(String botId, int limit, Optional<Long> before) {
        Bot bot = bots.find(botId);
        DeliveryMasking masking = DeliveryMasking.of(bot);
        List<DeliveryLog.Logged> rows = db.read(h -> log.list(h, botId, limit + 1, before));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        rows.stream().limit(limit).forEach(row -> items.add(json(row, masking)));
        if (rows.size() > limit) {
            out.put("next_before", rows.get(limit - 1).id());
        } else {
            out.putNull("next_before");
        }
        return out;
    }

    private static ObjectNode json(DeliveryLog.Logged row, DeliveryMasking masking) {
        DeliveryLog.Entry e = row.entry();
        ObjectNode n = Json.object();
        n.put("id", row.id());
        n.put("cid", e.cid());
        n.put("event_id", e.eventId());
        n.put("event", e.eventName());
        n.put("attempt", e.attempt());
        n.put("at", e.at().toString());
        n.put("latency_ms", e.latency().toMillis());
        n.put("status", e.status().orElse(null));
        n.put("outcome", e.outcome());
        n.put("error", e.error().map(masking::text).orElse(null));
        n.put("request_body", masking.mask(e.requestBody()));
        n.put("response_body", e.responseBody().map(masking::mask).orElse(null));
        return n;
    }
}
