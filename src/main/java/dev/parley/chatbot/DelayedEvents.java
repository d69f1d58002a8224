package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.LiveHub;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.List;

/**
 * The events after a {@code delay}: queued durably in the outbox, due when the delay is over, on a
 * lane of their own so the contact's messages still reach the bot meanwhile. The contact sees a
 * typing indicator until they are applied.
 */
final class DelayedEvents {
    static final String KIND = "bot_events";

    private final Outbox outbox;
    private final LiveHub hub;
    private final Clock clock;

    DelayedEvents(Outbox outbox, LiveHub hub, Clock clock) {
        this.outbox = outbox;
        this.hub = hub;
        this.clock = clock;
    }

    void schedule(Tx tx, Bot bot, Session session, BotAction.Delay delay, List<BotEvent> rest) {
        ObjectNode payload = Json.object();
        payload.put("cid", session.cid());
        payload.put("bot_id", bot.id());
        payload.put("typing", delay.typing());
        ArrayNode events = payload.putArray("events");
        rest.forEach(e -> events.add(e.raw()));
        outbox.enqueueAt(tx, "delay:" + session.conversationId(), KIND, payload,
                clock.instant().plusMillis(delay.millis()));
        if (delay.typing()) {
            tx.afterCommit(() -> typing(session.conversationId(), bot, true));
        }
    }

    void typing(String conversationId, Bot bot, boolean active) {
        ObjectNode signal = Json.object().put("type", "typing").put("active", active);
        signal.set("author", Author.bot(bot.id(), bot.name()).toJson());
        hub.signal(conversationId, signal);
    }
}
