package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.addon.DispatchService;
import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.routing.Bot;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Bot sessions: starting them, handing contact events to the bot through the outbox, and applying
 * the events a bot triggers (webhook answers and API URL requests alike).
 */
public final class ChatbotService {
    private final Clock clock;
    private final Ids ids;
    private final SessionStore sessions;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final ProfileUpdates profiles;
    private final DelayedEvents delays;
    private final BotEventQueue queue;
    private final Handover handover;
    private final DispatchService dispatches;
    private final MediaEvents media;
    private final ForwardTargets targets;

    ChatbotService(Clock clock, Ids ids, SessionStore sessions, ConversationStore conversations,
            TimelineStore timeline, ProfileUpdates profiles, DelayedEvents delays, BotEventQueue queue,
            Handover handover, DispatchService dispatches, MediaEvents media, ForwardTargets targets) {
        this.clock = clock;
        this.ids = ids;
        this.sessions = sessions;
        this.conversations = conversations;
        this.timeline = timeline;
        this.profiles = profiles;
        this.delays = delays;
        this.queue = queue;
        this.handover = handover;
        this.dispatches = dispatches;
        this.media = media;
        this.targets = targets;
    }

    /** Stores the files of {@code media} events before any event is applied; stops at the first that fails. */
    MediaEvents.Resolved resolveMedia(List<BotEvent> events) {
        return media.resolve(events);
    }

    /** Stores the file of one {@code media} event (any other event as it is), or says why it could not. */
    MediaEvents.One resolveMedia(BotEvent event) {
        return media.resolve(event);
    }

    /**
     * Assigns the conversation to {@code bot} in a new session with {@code context} and queues its
     * {@code start} event.
     */
    Conversation startSession(Tx tx, Conversation conv, Bot bot, ChatPacket.Start start, ObjectNode context) {
        String cid = "chatbot::" + bot.id() + ":" + ids.hex32();
        sessions.insert(tx, new Session(cid, bot.id(), conv.id(), true, context, clock.instant()));
        Conversation next = conv.withStatus(ConversationStatus.BOT,
                Optional.of(new Conversation.Assignee(Conversation.Assignee.Type.BOT, bot.id())), Optional.of(cid));
        conversations.update(tx, next);
        timeline.append(tx, conv.id(), Author.system(), new StatePacket.Assignment(Optional.empty(),
                StatePacket.Target.bot(bot.id(), bot.name()), Optional.of(cid)), false, Optional.empty());
        queue.enqueue(tx, next.id(), cid, start);
        return next;
    }

    /**
     * Applies validated events of session {@code cid} in order, storing each applied event's non-empty
     * context. Events after a {@code delay} are queued to be applied when it is over. Stops after an
     * event that ends the session. An event refused only when applied (a forward to a group that does
     * not exist, say) goes to {@code refusals}, which throws to refuse the whole request or records it
     * and lets the next event apply. Returns how many events were applied or queued.
     */
    int apply(Tx tx, Bot bot, String cid, List<BotEvent> events, Refusals refusals) {
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            BotEvent event = events.get(i);
            Optional<Session> session = sessions.find(tx.handle(), cid).filter(Session::active);
            if (session.isEmpty()) {
                break;
            }
            if (event.action() instanceof BotAction.Delay delay) {
                event.context().ifPresent(ctx -> sessions.replaceContext(tx, cid, ctx));
                List<BotEvent> rest = events.subList(i + 1, events.size());
                if (!rest.isEmpty()) {
                    delays.schedule(tx, bot, session.get(), delay, rest);
                }
                return applied + 1 + rest.size();
            }
            boolean goesOn;
            try {
                goesOn = applyAction(tx, bot, session.get(), event.action(), event.at());
            } catch (ClientError refused) {
                refusals.refused(tx, event, refused);
                continue;
            }
            event.context().ifPresent(ctx -> sessions.replaceContext(tx, cid, ctx));
            applied++;
            if (!goesOn) {
                break;
            }
        }
        return applied;
    }

    /**
     * Returns false when the action ended the session. A refused action is a {@link ClientError}
     * naming the payload field under {@code at}, the event's place in the request; it is thrown
     * before the action wrote anything.
     */
    private boolean applyAction(Tx tx, Bot bot, Session session, BotAction action, String at) {
        String convId = session.conversationId();
        return switch (action) {
            case BotAction.Say say -> {
                timeline.append(tx, convId, Author.bot(bot.id(), bot.name()), say.packet(), true, Optional.empty());
                yield true;
            }
            case BotAction.UpdateContact update -> {
                profiles.contact(tx, bot, convId, update, at);
                yield true;
            }
            case BotAction.UpdateConversation update -> {
                profiles.conversation(tx, bot, convId, update);
                yield true;
            }
            case BotAction.CreateNote note -> {
                profiles.note(tx, bot, convId, note, at);
                yield true;
            }
            case BotAction.Forward forward -> {
                targets.check(tx.handle(), forward.target(), at);
                yield handover.forward(tx, bot, session, forward, "forward");
            }
            case BotAction.Abort abort -> handover.forward(tx, bot, session,
                    new BotAction.Forward(new BotAction.Forward.Target.Any(), false), "abort");
            case BotAction.End end -> {
                handover.end(tx, session, "end");
                yield false;
            }
            case BotAction.Dispatch dispatch -> {
                if (dispatches.request(tx, convId, Author.bot(bot.id(), bot.name()), dispatch.request())
                        instanceof DispatchService.Outcome.Refused refused) {
                    String path = at + "packet.payload." + refused.field();
                    throw ClientError.badRequest(refused.code(), path + ": " + refused.message(), path);
                }
                yield true;
            }
            case BotAction.Media m -> {
                timeline.append(tx, convId, Author.bot(bot.id(), bot.name()), media.packet(tx, m), true,
                        Optional.empty());
                yield true;
            }
            case BotAction.Delay delay -> true;
        };
    }
}
