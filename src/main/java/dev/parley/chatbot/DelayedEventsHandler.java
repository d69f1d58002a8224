package dev.parley.chatbot;

import dev.parley.metrics.LogContext;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.routing.Bot;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Tx;
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

    DelayedEventsHandler(Database db, WorkspaceStore workspace, SessionStore sessions, ChatbotService chatbot,
            DelayedEvents delays) {
        this.db = db;
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
            try {
                chatbot.apply(tx, bot.get(), cid, events);
            } catch (dev.parley.error.ClientError e) {
                // validated when sent; a later refusal (the add-on was removed meanwhile) stops the rest
                log.warn("delayed events of session {} stopped: {}", cid, e.getMessage());
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
