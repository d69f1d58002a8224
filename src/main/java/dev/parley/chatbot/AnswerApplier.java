package dev.parley.chatbot;

import dev.parley.conversation.Author;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a bot's answer to a webhook call event by event (chatbot spec §4.2): each valid event in
 * order; an invalid or refused one is skipped, recorded in the delivery log as
 * {@code invalid_event_skipped} with its path and reason, and shown on the conversation's timeline
 * for operators. What was forgiven (an unknown text format, an oversized context) is noted on the
 * call's own {@code delivered} row.
 */
final class AnswerApplier {
    static final String SKIPPED = "invalid_event_skipped";

    private final ChatbotService chatbot;
    private final SessionStore sessions;
    private final TimelineStore timeline;
    private final DeliveryLog deliveries;

    AnswerApplier(ChatbotService chatbot, SessionStore sessions, TimelineStore timeline, DeliveryLog deliveries) {
        this.chatbot = chatbot;
        this.sessions = sessions;
        this.timeline = timeline;
        this.deliveries = deliveries;
    }

    /** An event left out, and why. */
    record Skip(String path, String eventName, String reason) {}

    /** An answer read and its files stored, ready to apply in a transaction. */
    record Prepared(List<BotEvent> ready, List<Skip> skipped) {
        boolean hasEvents() {
            return !ready.isEmpty();
        }
    }

    /** Reads the answer and stores the files of its media events; runs outside any transaction. */
    Prepared prepare(String body, String cid) {
        List<BotEvent> ready = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (AnswerParser.Item item : AnswerParser.parse(body, cid)) {
            switch (item) {
                case AnswerParser.Item.Invalid invalid ->
                        skipped.add(new Skip(invalid.path(), invalid.eventName(), invalid.reason()));
                case AnswerParser.Item.Valid valid -> {
                    switch (chatbot.resolveMedia(valid.event())) {
                        case MediaEvents.One.Ready r -> ready.add(r.event());
                        case MediaEvents.One.Refused refused -> {
                            String path = valid.event().at() + "packet.payload.url";
                            skipped.add(new Skip(path, valid.event().name(), path + ": " + refused.message()));
                        }
                    }
                }
            }
        }
        return new Prepared(ready, skipped);
    }

    /** Applies {@code answer} and records the call as {@code delivered}, then each skipped event. */
    void apply(Tx tx, Bot bot, Prepared answer, DeliveryLog.Entry call) {
        List<Skip> skipped = new ArrayList<>(answer.skipped());
        chatbot.apply(tx, bot, call.cid(), answer.ready(), (t, event, error) -> skipped.add(
                new Skip(error.path().orElse(event.path()), event.name(), error.getMessage())));
        List<String> notes = answer.ready().stream().flatMap(e -> e.notices().stream()).map(EventNotice::message)
                .toList();
        deliveries.record(tx, bot, call.outcome("delivered", notes.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", notes))));
        record(tx, bot, call, skipped);
    }

    /** Records events skipped by the bot's own delivery of an answer, or applied late (after a {@code delay}). */
    void record(Tx tx, Bot bot, DeliveryLog.Entry call, List<Skip> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        Optional<String> conversation = sessions.find(tx.handle(), call.cid()).map(Session::conversationId);
        for (Skip skip : skipped) {
            deliveries.record(tx, bot, new DeliveryLog.Entry(call.botId(), call.cid(), call.eventId(),
                    skip.eventName(), call.attempt(), call.at(), call.latency(), call.status(), SKIPPED,
                    Optional.of(skip.reason()), "", Optional.empty()));
            conversation.ifPresent(id -> timeline.append(tx, id, Author.system(),
                    new StatePacket.BotEventSkipped(bot.id(), call.eventId(),
                            skip.eventName(), skip.path(), skip.reason()), false, Optional.empty()));
        }
    }

}
