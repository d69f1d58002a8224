package dev.parley.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.campaign.Campaigns;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationOpener;
import dev.parley.conversation.Opened;
import dev.parley.conversation.ProactiveConversations;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import dev.parley.routing.Bot;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An outreach on a WhatsApp channel (flows-and-braze.md §4.4): the contact, found by their number on the channel or
 * by what the business knows of them, gets an approved template in a new proactive conversation, which waits for
 * their reply; the reply starts the named bot ({@link OutreachReplies}). A contact unsubscribed from the channel's
 * campaigns is refused and counted, and nothing is sent.
 */
public final class ChannelOutreach {
    private final Clock clock;
    private final Ids ids;
    private final Map<String, ChannelConfig> channels;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final ConversationOpener opener;
    private final Campaigns campaigns;
    private final ChannelRecords store = new ChannelRecords();

    public ChannelOutreach(Clock clock, Ids ids, List<ChannelConfig> channels, WorkspaceStore workspace,
            ContactStore contacts, ConversationOpener opener, Campaigns campaigns) {
        this.clock = clock;
        this.ids = ids;
        this.channels = channels.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(ChannelConfig::id,
                c -> c));
        this.workspace = workspace;
        this.contacts = contacts;
        this.opener = opener;
        this.campaigns = campaigns;
    }

    /** The widget whose conversations channel {@code channelId} feeds; refused unless it is a WhatsApp channel. */
    public String widgetOf(String channelId) {
        return channel(channelId).widget();
    }

    private ChannelConfig channel(String channelId) {
        ChannelConfig channel = Optional.ofNullable(channels.get(channelId)).orElseThrow(() -> new ClientError(
                ClientError.Kind.NOT_FOUND, "not_found", "channel: no channel with id '" + channelId
                        + "' in parley.yml", Optional.of("channel"), Optional.empty()));
        if (channel.type() != ChannelType.WHATSAPP) {
            throw ClientError.unprocessable("channel_not_supported", "channel: '" + channelId + "' is a "
                    + channel.type().config() + " channel; outreach with a template goes to WhatsApp channels",
                    "channel");
        }
        return channel;
    }

    /** In the caller's transaction: opens the conversation and queues the template; refusals store nothing. */
    public Opened open(Tx tx, String channelId, ProactiveConversations.Reach reach, String botId,
            ObjectNode variables, ChatPacket.Template template) {
        ChannelConfig channel = channel(channelId);
        String phone = reach.mobileNumber().orElseThrow(() -> ClientError.unprocessable("user_unreachable",
                "user.phone is required to reach the user on WhatsApp channel '" + channelId + "'", "user.phone"));
        String waId = phone.substring(1);
        Bot bot = workspace.bot(tx.handle(), botId).orElseThrow(() -> ClientError.notFound("bot", botId));
        Widget widget = workspace.openWidget(tx.handle(), channel.widget())
                .orElseThrow(() -> ClientError.notFound("widget of channel " + channelId, channel.widget()));
        tx.lock("channel-user:" + channelId + ":" + waId);
        Instant now = clock.instant();
        Contact contact = contact(tx, channelId, waId, reach, now);
        if (campaigns.subscribed(tx.handle(), contact.id(), channelId).equals(Optional.of(false))) {
            Meters.outreachRefused(channelId, "unsubscribed");
            throw ClientError.unprocessable("user_unsubscribed", "user: unsubscribed from the campaigns of channel '"
                    + channelId + "' (by the unsubscribe keyword or a bot); nothing was sent", "user");
        }
        Optional<String> open = store.openConversation(tx.handle(), channelId, waId);
        if (open.isPresent()) {
            Meters.outreachRefused(channelId, "conversation_open");
            throw new ClientError(ClientError.Kind.CONFLICT, "conversation_open", "user: has the open conversation '"
                    + open.get() + "' on channel '" + channelId + "'; an outreach starts one only when none is open",
                    Optional.of("user"), Optional.empty());
        }
        Conversation conv = opener.open(tx, new ConversationOpener.Opening(widget, ChannelType.WHATSAPP, contact,
                Optional.empty(), true, Map.of(), new ConversationOpener.First.FromBusiness(
                        Author.bot(bot.id(), bot.name()), template),
                new ConversationOpener.Handling.AwaitReply()), now);
        store.addConversation(tx, conv.id(), channelId, waId, now);
        OutreachReplies.await(tx, conv.id(), bot.id(), variables, now);
        return new Opened(conv.id(), contact.id(), Optional.empty());
    }

    /** The channel's contact for {@code waId}, else the contact the business knows, else a new one; linked. */
    private Contact contact(Tx tx, String channelId, String waId, ProactiveConversations.Reach reach, Instant now) {
        Optional<Contact> onChannel = store.contactOf(tx.handle(), channelId, waId)
                .flatMap(id -> contacts.find(tx.handle(), id));
        if (onChannel.isPresent()) {
            return onChannel.get();
        }
        Optional<Contact> known = contacts.findByIdentity(tx.handle(), reach.externalCustomerId(), reach.email(),
                reach.mobileNumber());
        Contact contact = known.orElseGet(() -> new Contact(ids.next("ct"), Optional.empty(), reach.email(),
                reach.mobileNumber(), reach.externalCustomerId(), Optional.empty(), Json.object(), Json.object(),
                Json.object(), now));
        if (known.isEmpty()) {
            contacts.insert(tx, contact);
        }
        store.addContact(tx, channelId, waId, contact.id(), now);
        return contact;
    }
}
