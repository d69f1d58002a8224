package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.Packet;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.routing.Pick;
import dev.parley.routing.Router;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Tx;
import java.util.List;
import java.util.Optional;

/** Routes new conversations (to a bot session, a human, or the inbox) and hands contact events to bots. */
final class BotHooks implements ConversationHooks {
    private final WorkspaceStore workspace;
    private final Router router;
    private final ChatbotService chatbot;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final BotEventQueue queue;

    BotHooks(WorkspaceStore workspace, Router router, ChatbotService chatbot,
            ConversationStore conversations, TimelineStore timeline, BotEventQueue queue) {
        this.workspace = workspace;
        this.router = router;
        this.chatbot = chatbot;
        this.conversations = conversations;
        this.timeline = timeline;
        this.queue = queue;
    }

    @Override
    public Conversation opened(Tx tx, Conversation conv, Contact contact, boolean returning,
            ChatPacket.Start start) {
        Widget widget = workspace.widget(tx.handle(), conv.widgetId()).orElseThrow();
        boolean botsAllowed = !returning || widget.chatbotAssignment();
        Pick pick = router.forNewConversation(tx.handle(), widget, botsAllowed);
        boolean unregistered = contact.name().isEmpty() || contact.email().isEmpty();
        boolean botSkipsRegistration = pick instanceof Pick.ToBot to && !to.bot().registration();
        if (widget.registration() && unregistered && !botSkipsRegistration) {
            conversations.setAwaitingRegistration(tx, conv.id(), true);
            timeline.append(tx, conv.id(), Author.system(),
                    new StatePacket.RegistrationRequest(List.of("name", "email")), true, Optional.empty());
            return conv;
        }
        return switch (pick) {
            case Pick.ToBot to -> chatbot.startSession(tx, conv, to.bot(), start, Json.object());
            case Pick.ToOperator to -> {
                Conversation next = conv.withStatus(ConversationStatus.ASSIGNED, Optional.of(
                        new Conversation.Assignee(Conversation.Assignee.Type.OPERATOR, to.operator().id())),
                        Optional.empty());
                conversations.update(tx, next);
                timeline.append(tx, conv.id(), Author.system(), new StatePacket.Assignment(Optional.empty(),
                        StatePacket.Target.operator(to.operator().id(), to.operator().name()), Optional.empty()),
                        false, Optional.empty());
                yield next;
            }
            case Pick.Nobody nobody -> conv;
        };
    }

    @Override
    public Conversation startBot(Tx tx, Conversation conv, String botId, ObjectNode variables,
            ChatPacket.Start start) {
        Bot bot = workspace.bot(tx.handle(), botId).orElseThrow(() -> ClientError.notFound("bot", botId));
        ObjectNode context = Json.object();
        context.set("variables", variables);
        return chatbot.startSession(tx, conv, bot, start, context);
    }

    @Override
    public void contactWrote(Tx tx, Conversation conv, TimelineItem item) {
        // every end of a session moves the conversation out of status bot in the same transaction
        if (conv.status() != ConversationStatus.BOT || conv.sessionCid().isEmpty()) {
            return;
        }
        queue.enqueue(tx, conv.id(), conv.sessionCid().get(), forBot(item.packet()));
    }

    /** The event a bot receives for what the contact did: only the documented payload keys. */
    private static Packet forBot(Packet packet) {
        return packet instanceof ChatPacket.Click click ? new ChatPacket.Click(click.value(), Optional.empty()) : packet;
    }
}
