package dev.parley.chatbot;

import dev.parley.addon.DispatchService;
import dev.parley.config.TimeoutAction;
import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.routing.Bot;
import dev.parley.routing.Pick;
import dev.parley.routing.Router;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** How a bot session ends: forwards to humans, the inbox, or the end of the conversation. */
final class Handover {
    private final Clock clock;
    private final SessionStore sessions;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final Router router;
    private final BotEventQueue queue;
    private final DispatchService dispatches;

    Handover(Clock clock, SessionStore sessions, ConversationStore conversations, TimelineStore timeline,
            Router router, BotEventQueue queue, DispatchService dispatches) {
        this.clock = clock;
        this.sessions = sessions;
        this.conversations = conversations;
        this.timeline = timeline;
        this.router = router;
        this.queue = queue;
        this.dispatches = dispatches;
    }

    /** Returns true when the session goes on (a failed forward with feedback). */
    boolean forward(Tx tx, Bot bot, Session session, BotAction.Forward forward, String reason) {
        Pick pick = switch (forward.target()) {
            case BotAction.Forward.Target.Any any -> router.forForward(tx.handle(), Optional.of(bot.groupId()), List.of());
            case BotAction.Forward.Target.Group g -> router.forForward(tx.handle(), Optional.of(g.groupId()), List.of());
            case BotAction.Forward.Target.Skills s -> router.forForward(tx.handle(), Optional.empty(), s.skills());
        };
        if (pick instanceof Pick.Nobody && forward.feedback()) {
            queue.enqueue(tx, session.conversationId(), session.cid(), new ChatPacket.ForwardFailed());
            return true;
        }
        if (!sessions.end(tx, session.cid(), reason, clock.instant())) {
            return false;
        }
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        if (forward.target() instanceof BotAction.Forward.Target.Group g) {
            conv = conv.withGroup(g.groupId());
        }
        StatePacket.Target target = switch (pick) {
            case Pick.ToOperator to -> StatePacket.Target.operator(to.operator().id(), to.operator().name());
            case Pick.ToBot to -> throw new IllegalStateException("forwards go to humans only");
            case Pick.Nobody nobody -> StatePacket.Target.inbox(Optional.empty());
        };
        Conversation next = switch (pick) {
            case Pick.ToOperator to -> {
                yield conv.withStatus(ConversationStatus.ASSIGNED, Optional.of(new Conversation.Assignee(
                        Conversation.Assignee.Type.OPERATOR, to.operator().id())), Optional.empty());
            }
            case Pick.ToBot to -> throw new IllegalStateException("forwards go to humans only");
            case Pick.Nobody nobody -> conv.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty());
        };
        conversations.update(tx, next);
        timeline.append(tx, conv.id(), Author.system(), fromBot(reason, bot, target), true, Optional.empty());
        return false;
    }

    /** Ends the session and the conversation. */
    void end(Tx tx, Session session, String reason) {
        sessions.end(tx, session.cid(), reason, clock.instant());
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        if (conv.status() == ConversationStatus.ENDED) {
            return;
        }
        conversations.update(tx, conv.withStatus(ConversationStatus.ENDED, conv.assignee(), Optional.empty()));
        timeline.append(tx, conv.id(), Author.system(),
                new StatePacket.ConversationEnded(reason), true, Optional.empty());
        dispatches.conversationEnded(tx, conv.id());
    }

    /** Ends the session; the conversation waits in the inbox. */
    void unassign(Tx tx, Bot bot, Session session, String reason) {
        if (!sessions.end(tx, session.cid(), reason, clock.instant())) {
            return;
        }
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        conversations.update(tx, conv.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty()));
        timeline.append(tx, conv.id(), Author.system(), fromBot(reason, bot, StatePacket.Target.inbox(Optional.empty())),
                true, Optional.empty());
    }

    private static StatePacket.ConversationForwarded fromBot(String reason, Bot bot, StatePacket.Target to) {
        return new StatePacket.ConversationForwarded(Optional.of(reason), Optional.of(bot.id()), Optional.empty(), to);
    }

    /** The bot's conversation timeout action (end, unassign or forward); unassign when none is set. */
    void timeout(Tx tx, Bot bot, Session session, String reason) {
        TimeoutAction action = bot.timeout().map(t -> t.action()).orElse(TimeoutAction.UNASSIGN);
        switch (action) {
            case END -> end(tx, session, reason);
            case UNASSIGN -> unassign(tx, bot, session, reason);
            case FORWARD -> forward(tx, bot, session, new BotAction.Forward(new BotAction.Forward.Target.Any(), false),
                    reason);
        }
    }

    /** The bot stays unreachable after its retries: its timeout action applies at once. */
    void unavailable(Tx tx, Bot bot, Session session, String error) {
        timeline.append(tx, session.conversationId(), Author.system(), new StatePacket.BotUnavailable(
                session.botId(), error), false, Optional.empty());
        timeout(tx, bot, session, "bot_unavailable");
    }
}
