package dev.parley.campaign;

import dev.parley.channel.ChannelType;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.Conversation;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Campaign subscriptions as conversations see them (chatbot-api.md §11): a contact is subscribed per channel,
 * the channel being the messaging channel the conversation came in on (a WhatsApp number is one channel), or
 * {@code web} for the website widget, where the subscription is kept as the contact's preference.
 */
public final class Campaigns {
    private final CampaignStore store = new CampaignStore();
    private final Clock clock;
    private final Map<String, String> channelOfWidget;

    /** {@code channels}: the messaging channels of {@code parley.yml}, which tell the channel of a conversation. */
    public Campaigns(Clock clock, List<ChannelConfig> channels) {
        this.clock = clock;
        Map<String, String> byWidget = new HashMap<>();
        for (ChannelConfig c : channels) {
            byWidget.putIfAbsent(key(c.widget(), c.type().wire()), c.id());
        }
        this.channelOfWidget = Map.copyOf(byWidget);
    }

    /**
     * The channel a conversation's subscription is kept for: the id of the messaging channel of its widget and
     * channel type, or the channel type itself ({@code web}) when no configured channel serves it.
     */
    public String channelOf(Conversation conv) {
        return channelOfWidget.getOrDefault(key(conv.widgetId(), conv.channelType()), conv.channelType());
    }

    /** The contact's subscription on the conversation's channel; empty when never set. */
    public Optional<Boolean> subscribed(Handle h, Conversation conv) {
        return store.subscribed(h, conv.contactId(), channelOf(conv));
    }

    /** The contact's subscription on {@code channel}; empty when never set. */
    public Optional<Boolean> subscribed(Handle h, String contactId, String channel) {
        return store.subscribed(h, contactId, channel);
    }

    /** Subscribes or unsubscribes the conversation's contact on the conversation's channel. */
    public void set(Tx tx, Conversation conv, boolean subscribed, CampaignStore.Source source) {
        store.set(tx, conv.contactId(), channelOf(conv), subscribed, source, clock.instant());
    }

    /** The channel key of a web conversation. */
    public static String web() {
        return ChannelType.WEB.wire();
    }

    private static String key(String widget, String wireType) {
        return widget + "\u0000" + wireType;
    }
}
