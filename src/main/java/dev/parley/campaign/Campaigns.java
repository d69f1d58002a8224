package dev.parley.campaign;

import dev.parley.channel.ChannelRecords;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Campaign subscriptions as conversations see them (chatbot-api.md §11): a contact is subscribed per channel,
 * the channel being the messaging channel the conversation came in on (a WhatsApp number is one channel), or
 * {@code web} for the website widget, where the subscription is kept as the contact's preference.
 */
public final class Campaigns {
    private final CampaignStore store = new CampaignStore();
    private final ChannelRecords channels = new ChannelRecords();
    private final Clock clock;

    public Campaigns(Clock clock) {
        this.clock = clock;
    }

    /**
     * The channel a conversation's subscription is kept for: the id of the messaging channel it was opened on,
     * or its channel type ({@code web}) when it is not a messaging channel's.
     */
    public String channelOf(Handle h, Conversation conv) {
        return channels.recipient(h, conv.id()).map(ChannelRecords.Recipient::channelId).orElse(conv.channelType());
    }

    /** The contact's subscription on the conversation's channel; empty when never set. */
    public Optional<Boolean> subscribed(Handle h, Conversation conv) {
        return store.subscribedIn(h, conv.contactId(), conv.id(), conv.channelType());
    }

    /** The contact's subscription on {@code channel}; empty when never set. */
    public Optional<Boolean> subscribed(Handle h, String contactId, String channel) {
        return store.subscribed(h, contactId, channel);
    }

    /**
     * The contact as bots ({@code info.contact}) and operators see them in a conversation: {@code campaigns} is
     * the subscription on the conversation's channel ({@code true}, {@code false}, or {@code null} when never set).
     */
    public ObjectNode contactJson(Handle h, Conversation conv, Contact contact) {
        return contactJson(contact, subscribed(h, conv));
    }

    /** {@link #contactJson(Handle, Conversation, Contact)} with the subscription already read. */
    public static ObjectNode contactJson(Contact contact, Optional<Boolean> subscribed) {
        ObjectNode json = contact.toJson();
        subscribed.ifPresentOrElse(on -> json.put("campaigns", on), () -> json.putNull("campaigns"));
        return json;
    }

    /** Subscribes or unsubscribes the conversation's contact on the conversation's channel. */
    public void set(Tx tx, Conversation conv, boolean subscribed, CampaignStore.Source source) {
        set(tx, conv.contactId(), channelOf(tx.handle(), conv), subscribed, source);
    }

    /** Subscribes or unsubscribes the contact on {@code channel}. */
    public void set(Tx tx, String contactId, String channel, boolean subscribed, CampaignStore.Source source) {
        store.set(tx, contactId, channel, subscribed, source, clock.instant());
    }
}
