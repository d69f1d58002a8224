package dev.parley.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.store.Tx;
import java.util.Optional;

/**
 * The parts of one packet the vendor already took (a long text sent in several messages, a file and its caption):
 * how many, from the first, and the first one's message id, which is the packet's. A retry sends only the rest.
 */
public record SentParts(int count, Optional<String> firstVendorMessageId) {
    /** Nothing sent yet. */
    public static final SentParts NONE = new SentParts(0, Optional.empty());
    private static final String FIELD = "sent_parts";

    public SentParts {
        if (count < 0 || (count > 0) != firstVendorMessageId.isPresent()) {
            throw new IllegalArgumentException("sent parts need a first message id exactly when there are some");
        }
    }

    /** These parts and one more the vendor took as {@code vendorMessageId}. */
    public SentParts plus(String vendorMessageId) {
        return new SentParts(count + 1, firstVendorMessageId.or(() -> Optional.of(vendorMessageId)));
    }

    /**
     * The parts kept in a send's outbox entry by {@link #keep} ({@code "sent_parts": {"count": 1,
     * "first_vendor_message_id": "wamid…"}}), or {@link #NONE} before a part was taken.
     */
    public static SentParts of(OutboxEntry entry) {
        JsonNode json = entry.payload().path(FIELD);
        return json.isObject() ? new SentParts(json.path("count").asInt(),
                Optional.ofNullable(json.get("first_vendor_message_id")).map(JsonNode::asText)) : NONE;
    }

    /**
     * Keeps these parts in the send's outbox entry, in {@code tx} (the failed attempt's transaction), so the next
     * attempt, on any node and after a restart, skips them.
     */
    public void keep(Tx tx, Outbox outbox, OutboxEntry entry) {
        if (!equals(of(entry))) {
            ObjectNode json = Json.object().put("count", count);
            firstVendorMessageId.ifPresent(id -> json.put("first_vendor_message_id", id));
            ObjectNode payload = entry.payload().deepCopy();
            payload.set(FIELD, json);
            outbox.amend(tx, entry, payload);
        }
    }
}
