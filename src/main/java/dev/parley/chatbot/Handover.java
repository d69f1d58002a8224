package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.Packet;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
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

    Handover(Clock clock, SessionStore sessions, ConversationStore conversations, TimelineStore timeline,
            Router router, BotEventQueue queue) {
        this.clock = clock;
        this.sessions = sessions;
        this.conversations = conversations;
        this.timeline = timeline;
        this.router = router;
        this.queue = queue;
    }

    /** Returns true when the session goes on (a failed forward with feedback). */
    boolean forward(Tx tx, Bot bot, Session session, BotAction.Forward forward) {
        Pick pick = switch (forward.target()) {
            case BotAction.Forward.Target.Any any -> router.forForward(tx.handle(), Optional.of(bot.groupId()), List.of());
            case BotAction.Forward.Target.Group g -> router.forForward(tx.handle(), Optional.of(g.groupId()), List.of());
            case BotAction.Forward.Target.Skills s -> router.forForward(tx.handle(), Optional.empty(), s.skills());
        };
        if (pick instanceof Pick.Nobody && forward.feedback()) {
            queue.enqueue(tx, session.conversationId(), session.cid(), Packet.of("forward_failed"));
            return true;
        }
        sessions.end(tx, session.cid(), "forward", clock.instant());
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        ObjectNode line = Json.object();
        Conversation next = switch (pick) {
            case Pick.ToOperator to -> {
                line.putObject("to").put("type", "operator").put("id", to.operator().id())
                        .put("name", to.operator().name());
                yield conv.withStatus(ConversationStatus.ASSIGNED, Optional.of(new Conversation.Assignee(
                        Conversation.Assignee.Type.OPERATOR, to.operator().id())), Optional.empty());
            }
            case Pick.ToBot to -> throw new IllegalStateException("forwards go to humans only");
            case Pick.Nobody nobody -> {
                line.putObject("to").put("type", "inbox");
                yield conv.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty());
            }
        };
        conversations.update(tx, next);
        line.put("from_bot", bot.id());
        timeline.append(tx, conv.id(), Author.system(), new Packet("conversation_forwarded", line), true,
                Optional.empty());
        return false;
    }

    /** Ends the session and the conversation. */
    void end(Tx tx, Session session, String reason) {
        sessions.end(tx, session.cid(), reason, clock.instant());
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        conversations.update(tx, conv.withStatus(ConversationStatus.ENDED, conv.assignee(), Optional.empty()));
        timeline.append(tx, conv.id(), Author.system(),
                new Packet("conversation_ended", Json.object().put("reason", reason)), true, Optional.empty());
    }

    /** The bot stays unreachable: its session ends and the conversation waits for a human in the inbox. */
    void unavailable(Tx tx, Session session, String error) {
        if (!sessions.end(tx, session.cid(), "bot_unavailable", clock.instant())) {
            return;
        }
        Conversation conv = conversations.find(tx.handle(), session.conversationId()).orElseThrow();
        conversations.update(tx, conv.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty()));
        ObjectNode line = Json.object().put("reason", "bot_unavailable");
        line.putObject("to").put("type", "inbox");
        timeline.append(tx, conv.id(), Author.system(), new Packet("conversation_forwarded", line), true,
                Optional.empty());
        timeline.append(tx, conv.id(), Author.system(), new Packet("bot_unavailable",
                Json.object().put("bot_id", session.botId()).put("error", error)), false, Optional.empty());
    }
}
