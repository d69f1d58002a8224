package dev.parley.campaign;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code campaign_subscriptions}: whether a contact receives campaigns of one channel (a messaging
 * channel's id, or {@code web}), and what set it last.
 */
public final class CampaignStore {

    /** What set a subscription. */
    public enum Source {
        /** {@code contact_update} with {@code campaigns} from a bot or flow. */
        BOT,
        /** The contact sent the channel's unsubscribe keyword. */
        KEYWORD,
        /** The vendor refused a send because the contact opted out at the carrier (Twilio 21610). */
        CARRIER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The contact's subscription on {@code channel}; empty when nothing ever set it. */
    public Optional<Boolean> subscribed(Handle h, String contactId, String channel) {
        return h.createQuery("SELECT subscribed FROM campaign_subscriptions WHERE contact_id = :c AND channel = :ch")
                .bind("c", contactId).bind("ch", channel).mapTo(Integer.class).findOne().map(v -> v == 1);
    }

    /**
     * The contact's subscription on the channel of conversation {@code conversationId} ({@link
     * Campaigns#channelOf}: the messaging channel it was opened on, else {@code channelType}), in one statement.
     */
    Optional<Boolean> subscribedIn(Handle h, String contactId, String conversationId, String channelType) {
        return h.createQuery("""
                SELECT subscribed FROM campaign_subscriptions WHERE contact_id = :c AND channel = COALESCE(
                  (SELECT channel_id FROM channel_conversations WHERE conversation_id = :conv), :type)""")
                .bind("c", contactId).bind("conv", conversationId).bind("type", channelType)
                .mapTo(Integer.class).findOne().map(v -> v == 1);
    }

    /** Subscribes or unsubscribes the contact on {@code channel}. */
    public void set(Tx tx, String contactId, String channel, boolean subscribed, Source source, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO campaign_subscriptions (contact_id, channel, subscribed, source, updated_at)
                VALUES (:c, :ch, :on, :source, :at)
                ON CONFLICT (contact_id, channel) DO UPDATE SET subscribed = excluded.subscribed,
                  source = excluded.source, updated_at = excluded.updated_at""")
                .bind("c", contactId).bind("ch", channel).bind("on", subscribed ? 1 : 0)
                .bind("source", source.wire()).bind("at", now.toEpochMilli()).execute();
    }
}
