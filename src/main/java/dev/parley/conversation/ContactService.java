package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.auth.Secrets;
import dev.parley.channel.ChannelType;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What a contact does on the web channel: open a conversation, write, upload a file, click a choice. */
public final class ContactService {
    public static final int MAX_MESSAGE = 5000;

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final TimelineStore timeline;
    private final ConversationHooks hooks;
    private final ConversationOpener opener;
    private final ContactWrites writes;

    public ContactService(Database db, Clock clock, Ids ids, WorkspaceStore workspace, ContactStore contacts,
            ConversationStore conversations, TimelineStore timeline, ConversationHooks hooks,
            ConversationOpener opener, MediaQuota mediaQuota) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.workspace = workspace;
        this.contacts = contacts;
        this.conversations = conversations;
        this.timeline = timeline;
        this.hooks = hooks;
        this.opener = opener;
        this.writes = new ContactWrites(timeline, hooks, mediaQuota);
    }

    /** The contact a bearer token belongs to. */
    public Contact authenticate(String token) {
        return db.read(h -> contacts.findByTokenHash(h, Secrets.hash(token)))
                .orElseThrow(() -> ClientError.unauthorized("the contact token is not valid"));
    }

    /** Opens a conversation and routes it. */
    public Opened open(String widgetId, OpenRequest req) {
        return open(widgetId, req, ConversationOpener.Handling.Route::new);
    }

    /**
     * Opens a conversation for {@code botId} without routing (a test chat, an outreach): the bot's
     * session starts with {@code variables}.
     */
    public Opened openForBot(String widgetId, OpenRequest req, String botId, ObjectNode variables) {
        return open(widgetId, req, returning -> new ConversationOpener.Handling.StartBot(botId, variables, false));
    }

    /**
     * As {@link #openForBot}, for a flow's test chat in the console: the conversation is marked as a test,
     * so that the operators' lists leave it out.
     */
    public Opened openTestChat(String widgetId, OpenRequest req, String botId) {
        return open(widgetId, req, returning -> new ConversationOpener.Handling.StartBot(botId, Json.object(), true));
    }

    private Opened open(String widgetId, OpenRequest req, Function<Boolean, ConversationOpener.Handling> handling) {
        Widget widget = db.read(h -> workspace.openWidget(h, widgetId))
                .orElseThrow(() -> ClientError.notFound("widget", widgetId));
        Optional<Contact> returning = req.contactToken().map(this::authenticate);
        Optional<String> newToken = returning.isPresent() ? Optional.empty() : Optional.of(Secrets.newToken());
        return db.write(tx -> {
            Instant now = clock.instant();
            Contact contact = returning.map(c -> merge(c, req, now)).orElseGet(() -> newContact(req, now));
            if (returning.isPresent()) {
                contacts.update(tx, contact);
            } else {
                contacts.insert(tx, contact);
                contacts.addToken(tx, Secrets.hash(newToken.get()), contact.id(), widget.id(), now);
            }
            Conversation conv = opener.open(tx, new ConversationOpener.Opening(widget, ChannelType.WEB, contact,
                    req.pageUrl(), req.proactive(), pageTags(req), new ConversationOpener.First.Nothing(),
                    handling.apply(returning.isPresent())), now);
            return new Opened(conv.id(), contact.id(), newToken);
        });
    }

    /** Stores the contact's message (once per {@code clientId}) and hands it on. */
    public TimelineItem write(Contact contact, String conversationId, String body, Optional<String> clientId) {
        return append(contact, conversationId, ChatPacket.Message.text(body), clientId);
    }

    /**
     * Stores the contact's upload, a {@code media} item whose file is already stored, and hands it on;
     * its {@code size} counts against the conversation's {@link MediaQuota}.
     */
    public TimelineItem upload(Contact contact, String conversationId, ChatPacket.Media media) {
        return append(contact, conversationId, media, Optional.empty());
    }

    private TimelineItem append(Contact contact, String conversationId, Packet packet, Optional<String> clientId) {
        return db.write(tx -> {
            ConversationStore.Locked locked = lockOwned(tx, contact, conversationId, clientId);
            Conversation conv = locked.conversation();
            if (locked.earlierSeq().isPresent()) {
                // a retry of a write that was stored: answered with what was stored then
                return timeline.atSeq(tx.handle(), conv.id(), locked.earlierSeq().get()).orElseThrow();
            }
            requireOpen(conv);
            if (locked.awaitingRegistration()) {
                throw ClientError.conflict("registration_required", "this widget asks for name and e-mail first: POST"
                        + " /conversations/" + conv.id() + "/registration");
            }
            return writes.write(tx, conv, contact, packet, clientId);
        });
    }

    /** The contact answers a choice; each choice can be answered once. */
    public TimelineItem click(Contact contact, String conversationId, String messageId, String optionId) {
        return db.write(tx -> {
            Conversation conv = lockOwned(tx, contact, conversationId).conversation();
            requireOpen(conv);
            TimelineItem choice = timeline.byId(tx.handle(), conv.id(), messageId)
                    .filter(TimelineItem::visibleToContact)
                    .orElseThrow(() -> ClientError.notFound("message in this conversation", messageId));
            ChoicePacket.Option option = Choices.option(choice, optionId);
            if (Choices.answered(tx.handle(), messageId)) {
                throw ClientError.conflict("choice_answered",
                        "message '" + messageId + "' was already answered; a choice can be answered once");
            }
            return writes.write(tx, conv, contact, new ChatPacket.Click(option, Optional.of(messageId)),
                    Optional.empty());
        });
    }

    /** The contact fills in the registration card; then the conversation is routed. */
    public TimelineItem register(Contact contact, String conversationId, String name, String email) {
        return db.write(tx -> {
            ConversationStore.Locked locked = lockOwned(tx, contact, conversationId);
            Conversation conv = locked.conversation();
            requireOpen(conv);
            if (!locked.awaitingRegistration()) {
                throw ClientError.conflict("not_awaiting_registration",
                        "conversation '" + conv.id() + "' does not ask for registration");
            }
            Contact registered = new Contact(contact.id(), Optional.of(name), Optional.of(email),
                    contact.mobileNumber(), contact.externalCustomerId(), contact.locale(), contact.customFields(),
                    contact.campaigns(), contact.pageTags(), contact.createdAt());
            contacts.update(tx, registered);
            conversations.setAwaitingRegistration(tx, conv.id(), false);
            TimelineItem item = timeline.append(tx, conv.id(), Author.contact(contact.id(), Optional.of(name)),
                    new StatePacket.Registration(name, email), true,
                    Optional.empty());
            hooks.opened(tx, conv, registered, false, ChatPacket.Start.empty());
            return item;
        });
    }

    /** The conversation, if it belongs to {@code contact}; 404 otherwise (existence is not revealed). */
    public Conversation owned(Contact contact, String conversationId) {
        return db.read(h -> conversations.find(h, conversationId))
                .filter(c -> c.contactId().equals(contact.id()))
                .orElseThrow(() -> ClientError.notFound("conversation", conversationId));
    }

    private ConversationStore.Locked lockOwned(Tx tx, Contact contact, String conversationId) {
        return lockOwned(tx, contact, conversationId, Optional.empty());
    }

    private ConversationStore.Locked lockOwned(Tx tx, Contact contact, String conversationId,
            Optional<String> clientId) {
        return conversations.lockForClientWrite(tx, conversationId, clientId)
                .filter(l -> l.conversation().contactId().equals(contact.id()))
                .orElseThrow(() -> ClientError.notFound("conversation", conversationId));
    }

    private static void requireOpen(Conversation conv) {
        if (conv.status() == ConversationStatus.ENDED) {
            throw ClientError.conflict("conversation_ended",
                    "conversation '" + conv.id() + "' has ended; open a new conversation to write again");
        }
    }

    private Contact newContact(OpenRequest req, Instant now) {
        ObjectNode tags = PageTagService.merged(Json.object(), pageTags(req), now);
        return new Contact(ids.next("ct"), req.name(), req.email(), Optional.empty(), Optional.empty(), req.locale(),
                Json.object(), Json.object(), tags, now);
    }

    private static Contact merge(Contact c, OpenRequest req, Instant now) {
        ObjectNode tags = PageTagService.merged(c.pageTags(), pageTags(req), now);
        return new Contact(c.id(), req.name().or(c::name), req.email().or(c::email), c.mobileNumber(),
                c.externalCustomerId(), req.locale().or(c::locale), c.customFields(), c.campaigns(), tags,
                c.createdAt());
    }

    /** The tags sent when opening: name → properties, already checked by the caller. */
    private static Map<String, ObjectNode> pageTags(OpenRequest req) {
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        req.pageTags().ifPresent(t -> t.properties().forEach(e -> tags.put(e.getKey(),
                e.getValue() instanceof ObjectNode o ? o : Json.object())));
        return tags;
    }
}
