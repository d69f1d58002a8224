package dev.parley.chatbot;

import dev.parley.metrics.LogContext;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.routing.Bot;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies events that waited for a {@code delay}; they were validated when the bot sent them. */
final class DelayedEventsHandler implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(DelayedEventsHandler.class);

    private final Database db;
    private final WorkspaceStore workspace;
    private final SessionStore sessions;
    private final ChatbotService chatbot;
    private final DelayedEvents delays;
    private final AnswerApplier answers;
    private final Clock clock;

    DelayedEventsHandler(Database db, Clock clock, WorkspaceStore workspace, SessionStore sessions,
            ChatbotService chatbot, DelayedEvents delays, AnswerApplier answers) {
        this.db = db;
        this.clock = clock;
        this.answers = answers;
        this.workspace = workspace;
        this.sessions = sessions;
        this.chatbot = chatbot;
        this.delays = delays;
    }

    @Override
    public String kind() {
        return DelayedEvents.KIND;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String cid = entry.payload().path("cid").asText();
        Optional<Bot> bot = db.read(h -> workspace.bot(h, entry.payload().path("bot_id").asText()));
        Optional<Session> session = db.read(h -> sessions.find(h, cid));
        if (bot.isEmpty() || session.isEmpty()) {
            return new Result.Done(tx -> {});
        }
        LogContext.conversation(session.get().conversationId());
        LogContext.bot(bot.get().id());
        List<BotEvent> events = EventParser.parse(entry.payload().path("events"));
        return new Result.Done(tx -> {
            // validated when sent; refused now only when something changed meanwhile (an add-on removed)
            List<AnswerApplier.Skip> skipped = new ArrayList<>();
            chatbot.apply(tx, bot.get(), cid, events, (t, event, error) -> skipped.add(
                    new AnswerApplier.Skip(error.path().orElse(event.path()), event.name(), error.getMessage())));
            if (!skipped.isEmpty()) {
                log.warn("{} delayed event(s) of session {} were refused; see the delivery log", skipped.size(), cid);
                answers.record(tx, bot.get(), new DeliveryLog.Entry(bot.get().id(), cid, entry.eventId(), "delay",
                        entry.attempt(), clock.instant(), Duration.ZERO, Optional.empty(), AnswerApplier.SKIPPED,
                        Optional.empty(), "", Optional.empty()), skipped);
            }
            if (entry.payload().path("typing").asBoolean()) {
                tx.afterCommit(() -> delays.typing(session.get().conversationId(), bot.get(), false));
            }
        });
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        // applying stored, validated events only fails when the database does; the entry stays in the dead letters
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return RetryPolicy.DEFAULT;
    }
}
