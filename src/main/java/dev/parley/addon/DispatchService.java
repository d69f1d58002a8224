package dev.parley.addon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.AddonConfig;
import dev.parley.config.SmtpConfig;
import dev.parley.conversation.Author;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Add-on runs and transcript e-mails that bots dispatch for a conversation. A request is checked and
 * stored while the conversation goes on; {@link #conversationEnded} — called by every path that ends
 * a conversation, in its transaction — hands what was stored to the outbox, which runs it with
 * retries and across restarts.
 */
public final class DispatchService {
    /**
     * Why a transcript e-mail was not sent. Without SMTP an {@code email_dispatch} is still accepted (a bot
     * written for a platform that always mails should not fail here) and the conversation kept.
     */
    public static final String NO_SMTP = "not sent: no SMTP configured";

    private final Clock clock;
    private final Ids ids;
    private final List<AddonConfig> addons;
    private final Optional<SmtpConfig> smtp;
    private final WorkspaceStore workspace;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;
    private final DispatchStore store;
    private final Outbox outbox;
    private final AfterConversation after;

    DispatchService(Clock clock, Ids ids, List<AddonConfig> addons, Optional<SmtpConfig> smtp, WorkspaceStore workspace,
            ConversationStore conversations, ContactStore contacts, TimelineStore timeline, DispatchStore store,
            Outbox outbox, AfterConversation after) {
        this.clock = clock;
        this.ids = ids;
        this.addons = List.copyOf(addons);
        this.smtp = smtp;
        this.workspace = workspace;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
        this.store = store;
        this.outbox = outbox;
        this.after = after;
    }

    /** What became of a request. */
    public sealed interface Outcome {
        /** Stored; it runs once the conversation has ended. */
        record Stored(String dispatchId) implements Outcome {}

        /** Refused: nothing was stored. {@code field} is the payload field at fault. */
        record Refused(String code, String field, String message) implements Outcome {}
    }

    /** Checks {@code request} against the configuration and what is known now, and stores it. */
    public Outcome request(Tx tx, String conversationId, Author requestedBy, DispatchRequest request) {
        Optional<Outcome.Refused> refused = check(tx, conversationId, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = ids.next("dsp");
        store.insert(tx, new Dispatch(id, conversationId, request, requestedBy.id().orElse(requestedBy.type().wire()),
                DispatchStatus.PENDING), clock.instant());
        timeline.append(tx, conversationId, requestedBy, line(request, id), false, Optional.empty());
        return new Outcome.Stored(id);
    }

    /** The request's line on the timeline, for admins. */
    private Packet line(DispatchRequest request, String id) {
        Optional<String> status = smtp.isEmpty() ? Optional.of(NO_SMTP) : Optional.empty();
        return switch (request) {
            case DispatchRequest.Addon a -> new StatePacket.AddonDispatch(a.name(), id);
            case DispatchRequest.EmailToOperator o -> new StatePacket.EmailDispatch(
                    new StatePacket.Recipient("operator", Optional.of(o.operatorId())), id, status);
            case DispatchRequest.EmailToContact c -> new StatePacket.EmailDispatch(
                    new StatePacket.Recipient("contact", Optional.empty()), id, status);
        };
    }

    /**
     * The conversation has just ended: queues every dispatch stored for it. Braze add-ons run right here,
     * in the ending transaction: they only store updates for the Braze writer, which has its own queue.
     */
    public void conversationEnded(Tx tx, String conversationId) {
        Instant endedAt = clock.instant();
        for (Dispatch d : store.pending(tx.handle(), conversationId)) {
            Optional<AddonConfig.Braze> braze = brazeAddon(d.request());
            if (braze.isPresent()) {
                Optional<String> refused = after.runBrazeAddon(tx, conversationId, braze.get(), endedAt);
                store.finish(tx, d.id(), refused.isEmpty() ? DispatchStatus.DELIVERED : DispatchStatus.FAILED, 1,
                        refused, endedAt);
                continue;
            }
            ObjectNode payload = Json.object().put("dispatch_id", d.id()).put("conversation_id", conversationId)
                    .put("ended_at", endedAt.toString());
            String lane = d.request().kind() + ":" + conversationId;
            store.queued(tx, d.id(), outbox.enqueue(tx, lane, d.request().kind(), payload));
        }
        after.conversationEnded(tx, conversationId, endedAt);
    }

    private Optional<AddonConfig.Braze> brazeAddon(DispatchRequest request) {
        return request instanceof DispatchRequest.Addon a ? addons.stream()
                .filter(c -> c instanceof AddonConfig.Braze && c.name().equals(a.name()))
                .map(AddonConfig.Braze.class::cast).findFirst() : Optional.empty();
    }

    private Optional<Outcome.Refused> check(Tx tx, String conversationId, DispatchRequest request) {
        return switch (request) {
            case DispatchRequest.Addon a -> addons.stream().anyMatch(c -> c.name().equals(a.name())) ? Optional.empty()
                    : refuse("unknown_addon", "type", "add-on '" + a.name() + "' is not configured; "
                            + (addons.isEmpty() ? "parley.yml configures no add-ons (addons)"
                                    : "known: " + String.join(", ", addons.stream().map(AddonConfig::name).toList())));
            case DispatchRequest.EmailToOperator o -> workspace.operator(tx.handle(), o.operatorId()).isPresent()
                    ? Optional.empty()
                    : refuse("unknown_operator", "recipient.id", "no operator with id '" + o.operatorId() + "'");
            case DispatchRequest.EmailToContact c -> contactEmailKnown(tx, conversationId) ? Optional.empty()
                    : refuse("contact_email_unknown", "recipient", "the contact's e-mail address is not known yet;"
                            + " set it with contact_update before email_dispatch");
        };
    }

    private boolean contactEmailKnown(Tx tx, String conversationId) {
        return conversations.find(tx.handle(), conversationId).map(Conversation::contactId)
                .flatMap(id -> contacts.find(tx.handle(), id)).flatMap(c -> c.email()).isPresent();
    }

    private static Optional<Outcome.Refused> refuse(String code, String field, String message) {
        return Optional.of(new Outcome.Refused(code, field, message));
    }
}
