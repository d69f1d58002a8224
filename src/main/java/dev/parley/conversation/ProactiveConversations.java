package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelType;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Conversations the business starts (a Braze outreach): the contact is found or created by what the
 * business knows of them, and the conversation waits on a widget for a browser that can show it.
 */
public final class ProactiveConversations {
    private final Clock clock;
    private final Ids ids;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final ConversationOpener opener;
    private final IdentitySecrets identities;

    public ProactiveConversations(Clock clock, Ids ids, WorkspaceStore workspace, ContactStore contacts,
            ConversationOpener opener, IdentitySecrets identities) {
        this.clock = clock;
        this.ids = ids;
        this.workspace = workspace;
        this.contacts = contacts;
        this.opener = opener;
        this.identities = identities;
    }

    /** Who a business reaches out to: at least one identifier. */
    public record Reach(Optional<String> externalCustomerId, Optional<String> email, Optional<String> mobileNumber) {}

    /**
     * In the caller's transaction: finds the contact by {@code reach} (external customer id, then e-mail,
     * then mobile number; identifiers it lacks are added) or creates one with them, opens a
     * <em>proactive</em> conversation on {@code widgetId}, puts {@code firstMessage} in it as a message
     * from the bot, and starts {@code botId} with {@code variables}. Refused (422, nothing stored) when no
     * browser could show the conversation.
     */
    public Opened open(Tx tx, String widgetId, Reach reach, String botId, ObjectNode variables,
            Optional<String> firstMessage) {
        Widget widget = workspace.openWidget(tx.handle(), widgetId)
                .orElseThrow(() -> ClientError.notFound("widget", widgetId));
        Bot bot = workspace.bot(tx.handle(), botId).orElseThrow(() -> ClientError.notFound("bot", botId));
        Instant now = clock.instant();
        Stream.of(reach.externalCustomerId().map(id -> ContactStore.identityKey("external_id", id)),
                        reach.email().map(e -> ContactStore.identityKey("email", e)),
                        reach.mobileNumber().map(m -> ContactStore.identityKey("mobile_number", m)))
                .flatMap(Optional::stream).sorted().forEach(tx::lock);
        Optional<Contact> found = contacts.findByIdentity(tx.handle(), reach.externalCustomerId(), reach.email(),
                reach.mobileNumber());
        Contact contact;
        if (found.isPresent()) {
            Contact c = found.get();
            contact = new Contact(c.id(), c.name(), c.email().or(reach::email),
                    c.mobileNumber().or(reach::mobileNumber), c.externalCustomerId().or(reach::externalCustomerId),
                    c.locale(), c.customFields(), c.campaigns(), c.pageTags(), c.createdAt());
            if (!contact.equals(c)) {
                contacts.update(tx, contact);
            }
        } else {
            contact = new Contact(ids.next("ct"), Optional.empty(), reach.email(), reach.mobileNumber(),
                    reach.externalCustomerId(), Optional.empty(), Json.object(), Json.object(), Json.object(), now);
            contacts.insert(tx, contact);
        }
        if (!reachable(tx, contact, widget.id())) {
            throw ClientError.unprocessable("user_unreachable", "user: nobody could see a conversation on widget '"
                    + widget.id() + "' for this user: they have not chatted on it"
                    + (identities.isSetUp(widget.id()) ? ", and Parley knows no external_id of theirs that the site"
                            + " could identify them by (send user.external_id)"
                            : ", and the widget has no signed visitor identity (set identity on the widget in"
                            + " parley.yml and identify logged-in visitors with parley('identify', …))"), "user");
        }
        ConversationOpener.First first = firstMessage.<ConversationOpener.First>map(text ->
                new ConversationOpener.First.FromBusiness(Author.bot(bot.id(), bot.name()), ChatPacket.Message.text(text)))
                .orElseGet(ConversationOpener.First.Nothing::new);
        Conversation conv = opener.open(tx, new ConversationOpener.Opening(widget, ChannelType.WEB, contact,
                Optional.empty(), true, Map.of(), first, new ConversationOpener.Handling.StartBot(bot.id(), variables,
                false)), now);
        return new Opened(conv.id(), contact.id(), Optional.empty());
    }

    /**
     * Whether a browser can show the contact a conversation on the widget: one holds a token the widget handed
     * out (the contact chatted on it), or the widget identifies visitors and the contact has an external id.
     */
    private boolean reachable(Tx tx, Contact contact, String widgetId) {
        return contacts.hasTokenFrom(tx.handle(), contact.id(), widgetId)
                || identities.isSetUp(widgetId) && contact.externalCustomerId().isPresent();
    }
}
