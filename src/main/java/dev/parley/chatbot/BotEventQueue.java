package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Packet;
import dev.parley.conversation.PacketCodec;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.store.Tx;

/** Queues events for a bot session in the outbox; one lane per conversation keeps them in order. */
final class BotEventQueue {
    static final String KIND = "webhook";

    private final Outbox outbox;

    BotEventQueue(Outbox outbox) {
        this.outbox = outbox;
    }

    void enqueue(Tx tx, String conversationId, String cid, Packet packet) {
        ObjectNode payload = Json.object();
        payload.put("cid", cid);
        payload.set("packet", PacketCodec.toJson(packet));
        outbox.enqueue(tx, "webhook:" + conversationId, KIND, payload);
    }
}
