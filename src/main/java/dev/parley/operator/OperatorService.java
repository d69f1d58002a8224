package dev.parley.operator;

import dev.parley.conversation.NoteStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.addon.DispatchService;
import dev.parley.chatbot.ChatbotModule;
import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.offline.OfflineReplies;
import dev.parley.routing.Group;
import dev.parley.routing.Operator;
import dev.parley.routing.Pick;
import dev.parley.routing.Router;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a human operator does with conversations: take, reply, forward, end, notes, status. */
public final class OperatorService {
    public static final Set<String> STATUSES = Set.of("online", "away", "offline");

    private final Database db;
    private final WorkspaceStore workspace;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final Router router;
    private final ChatbotModule chatbot;
    private final NoteStore notes;
    private final DispatchService dispatches;
    private final OfflineReplies offline;

    public OperatorService(Database db, WorkspaceStore workspace, ConversationStore conversations,
            TimelineStore timeline, Router router, ChatbotModule chatbot, NoteStore notes, DispatchService dispatches,
            OfflineReplies offline) {
        this.offline = offline;
        this.db = db;
        this.workspace = workspace;
        this.conversations = conversations;
        this.timeline = timeline;
        this.router = router;
        this.chatbot = chatbot;
        this.notes = notes;
        this.dispatches = dispatches;
    }

    public void setStatus(Operator me, String status) {
        db.useWrite(tx -> tx.handle().createUpdate("UPDATE operators SET status = :s WHERE id = :id")
                .bind("s", status).bind("id", me.id()).execute());
    }

    /**
     * Where {@code me} can forward a conversation: every group (with how many of its humans are online)
     * and every other human operator with their status, by name.
     */
    public ObjectNode forwardTargets(Operator me) {
        return db.read(h -> {
            List<Operator> humans = workspace.operators(h);
            ObjectNode out = Json.object();
            ArrayNode groups = out.putArray("groups");
            workspace.groups(h).stream().sorted(Comparator.comparing(Group::name)).forEach(g -> groups.addObject()
                    .put("id", g.id()).put("name", g.name()).put("online", humans.stream()
                            .filter(o -> o.groupId().equals(g.id()) && o.status().equals("online")).count()));
            ArrayNode operators = out.putArray("operators");
            humans.stream().filter(o -> !o.id().equals(me.id())).sorted(Comparator.comparing(Operator::name))
                    .forEach(o -> operators.addObject().put("id", o.id()).put("name", o.name())
                            .put("group", o.groupId()).put("status", o.status()));
            return out;
        });
    }

    /** Assigns the conversation to {@code me}; a running bot session ends (the operator takes over). */
    public void take(Operator me, String conversationId) {
        db.useWrite(tx -> {
            Conversation conv = lock(tx, me, conversationId, ConversationAccess.Action.TAKE);
            conv.sessionCid().ifPresent(cid -> chatbot.endSession(tx, cid, "taken_over"));
            assign(tx, conv, me, "take");
        });
    }

    public TimelineItem reply(Operator me, String conversationId, String body, String textFormat) {
        return say(me, conversationId, new ChatPacket.Message(body, Optional.of(textFormat)));
    }

    /** Sends the contact a file already stored. */
    public TimelineItem attach(Operator me, String conversationId, ChatPacket.Media media) {
        return say(me, conversationId, media);
    }

    /** Refuses as {@link #attach} would, before a file is stored for nothing. */
    public void requireMayReply(Operator me, String conversationId) {
        db.read(h -> {
            ConversationAccess.check(me, conversations.find(h, conversationId)
                    .orElseThrow(() -> ClientError.notFound("conversation", conversationId)),
                    ConversationAccess.Action.REPLY);
            return conversationId;
        });
    }

    private TimelineItem say(Operator me, String conversationId, Packet packet) {
        return db.write(tx -> {
            Conversation conv = lock(tx, me, conversationId, ConversationAccess.Action.REPLY);
            TimelineItem item = timeline.append(tx, conv.id(), Author.operator(me.id(), me.name()), packet, true,
                    Optional.empty());
            offline.operatorWrote(tx, conv, item);
            return item;
        });
    }

    /** Hands the conversation to a named operator, or to an available one of a group (else its inbox). */
    public void forward(Operator me, String conversationId, Optional<String> groupId, Optional<String> operatorId) {
        db.useWrite(tx -> {
            Conversation conv = lock(tx, me, conversationId, ConversationAccess.Action.FORWARD);
            conv.sessionCid().ifPresent(cid -> chatbot.endSession(tx, cid, "forward"));
            if (operatorId.isPresent()) {
                Operator target = workspace.operator(tx.handle(), operatorId.get())
                        .orElseThrow(() -> ClientError.notFound("operator", operatorId.get()));
                assign(tx, conv, target, "forward");
                forwardedLine(tx, conv, StatePacket.Target.operator(target.id(), target.name()));
                return;
            }
            String group = groupId.orElseThrow();
            workspace.group(tx.handle(), group).orElseThrow(() -> ClientError.notFound("group", group));
            Pick pick = router.forForward(tx.handle(), Optional.of(group), List.of());
            Conversation regrouped = conv.withGroup(group);
            switch (pick) {
                case Pick.ToOperator to -> {
                    assign(tx, regrouped, to.operator(), "forward");
                    forwardedLine(tx, conv, StatePacket.Target.operator(to.operator().id(), to.operator().name()));
                }
                case Pick.ToBot bot -> throw new IllegalStateException("forwards go to humans only");
                case Pick.Nobody nobody -> {
                    // An inbox conversation only changes group: it waits in the other group's inbox.
                    conversations.update(tx, conv.status() == ConversationStatus.INBOX ? regrouped
                            : regrouped.withStatus(ConversationStatus.INBOX, Optional.empty(), Optional.empty()));
                    forwardedLine(tx, conv, StatePacket.Target.inbox(Optional.of(group)));
                }
            }
        });
    }

    public void end(Operator me, String conversationId) {
        db.useWrite(tx -> {
            Conversation conv = lock(tx, me, conversationId, ConversationAccess.Action.END);
            conv.sessionCid().ifPresent(cid -> chatbot.endSession(tx, cid, "ended_by_operator"));
            conversations.update(tx, conv.withStatus(ConversationStatus.ENDED, conv.assignee(), Optional.empty()));
            timeline.append(tx, conv.id(), Author.operator(me.id(), me.name()), new StatePacket.ConversationEnded(
                    "ended_by_operator"), true, Optional.empty());
            dispatches.conversationEnded(tx, conv.id());
        });
    }

    public NoteStore.Note note(Operator me, String conversationId, String body) {
        return db.write(tx -> {
            Conversation conv = lock(tx, me, conversationId, ConversationAccess.Action.NOTE);
            NoteStore.Note note = notes.add(tx, Optional.of(conv.id()), Optional.empty(),
                    Author.operator(me.id(), me.name()), body);
            timeline.append(tx, conv.id(), Author.operator(me.id(), me.name()),
                    new StatePacket.NoteCreate(note.id(), body, Optional.empty()), false,
                    Optional.empty());
            return note;
        });
    }

    private void assign(Tx tx, Conversation conv, Operator to, String reason) {
        conversations.update(tx, conv.withStatus(ConversationStatus.ASSIGNED, Optional.of(
                new Conversation.Assignee(Conversation.Assignee.Type.OPERATOR, to.id())), Optional.empty()));
        timeline.append(tx, conv.id(), Author.system(), new StatePacket.Assignment(Optional.of(reason),
                StatePacket.Target.operator(to.id(), to.name()), Optional.empty()), false, Optional.empty());
    }

    private void forwardedLine(Tx tx, Conversation conv, StatePacket.Target to) {
        timeline.append(tx, conv.id(), Author.system(), new StatePacket.ConversationForwarded(Optional.empty(),
                Optional.empty(), Optional.empty(), to), true, Optional.empty());
    }

    /** Locks the conversation once {@code me} may do {@code action} with it. */
    private Conversation lock(Tx tx, Operator me, String id, ConversationAccess.Action action) {
        Conversation conv = conversations.lock(tx, id).orElseThrow(() -> ClientError.notFound("conversation", id));
        ConversationAccess.check(me, conv, action);
        return conv;
    }
}
