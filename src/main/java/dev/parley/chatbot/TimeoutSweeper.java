package dev.parley.chatbot;

import dev.parley.addon.DispatchService;
import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Timers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies timeouts (platform spec §6) from what is stored — the conversation's last activity and the
 * bot's and widget's settings — so they survive restarts; time comes from the injected clock.
 * A bot session idle for the bot's {@code timeout.after} gets the bot's timeout action; a conversation
 * idle for its widget's {@code live_timeout} ends.
 */
final class TimeoutSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimeoutSweeper.class);
    private static final int BATCH = 200;

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final SessionStore sessions;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final Handover handover;
    private final DispatchService dispatches;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("timeouts").daemon().factory());

    TimeoutSweeper(Database db, Clock clock, WorkspaceStore workspace, SessionStore sessions,
            ConversationStore conversations, TimelineStore timeline, Handover handover, DispatchService dispatches) {
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.sessions = sessions;
        this.conversations = conversations;
        this.timeline = timeline;
        this.handover = handover;
        this.dispatches = dispatches;
    }

    void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("timeout sweep failed: {}", e.getMessage());
        }
    }

    void sweep() {
        long now = clock.millis();
        List<String> idleSessions = db.read(h -> h.createQuery("""
                SELECT s.cid FROM bot_sessions s
                JOIN conversations c ON c.id = s.conversation_id
                JOIN bots b ON b.id = s.bot_id
                WHERE s.status = 'active' AND b.timeout_after_ms IS NOT NULL
                  AND c.last_activity_at + b.timeout_after_ms <= :now LIMIT :n""")
                .bind("now", now).bind("n", BATCH).mapTo(String.class).list());
        idleSessions.forEach(cid -> db.useWrite(tx -> {
            // nodes sweep side by side: the second to come reads the session after the first committed
            tx.lock("bot-session-timeout:" + cid);
            sessions.find(tx.handle(), cid).filter(Session::active).ifPresent(s -> workspace.bot(tx.handle(),
                    s.botId()).ifPresent(bot -> handover.timeout(tx, bot, s, "timeout")));
        }));
        List<String> idleConversations = db.read(h -> h.createQuery("""
                SELECT c.id FROM conversations c JOIN widgets w ON w.id = c.widget_id
                WHERE c.status <> 'ended' AND w.live_timeout_ms IS NOT NULL
                  AND c.last_activity_at + w.live_timeout_ms <= :now LIMIT :n""")
                .bind("now", now).bind("n", BATCH).mapTo(String.class).list());
        idleConversations.forEach(id -> db.useWrite(tx -> {
            Optional<Conversation> conv = conversations.lock(tx, id)
                    .filter(c -> c.status() != ConversationStatus.ENDED);
            if (conv.isEmpty()) {
                return;
            }
            conv.get().sessionCid().ifPresent(cid -> sessions.end(tx, cid, "live_timeout", clock.instant()));
            conversations.update(tx, conv.get().withStatus(ConversationStatus.ENDED, conv.get().assignee(),
                    Optional.empty()));
            timeline.append(tx, id, Author.system(), new StatePacket.ConversationEnded(
                    "live_timeout"), true, Optional.empty());
            dispatches.conversationEnded(tx, id);
        }));
    }

    @Override
    public void close() {
        Timers.stop(timer);
    }
}
