package dev.parley.campaign;

import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * The subscription of a conversation's contact on the conversation's channel ({@link Campaigns#channelOf}: the
     * messaging channel it was opened on, else its channel type) as a column of a query that reads the conversation
     * as {@code conv}, so that it costs no statement of its own: 1, 0, or {@code NULL} when nothing ever set it.
     * Read it back with {@link #subscribed(ResultSet, String)}.
     */
    public static String subscribedColumn(String conv) {
        return "(SELECT cs.subscribed FROM campaign_subscriptions cs WHERE cs.contact_id = " + conv + ".contact_id"
                + " AND cs.channel = COALESCE((SELECT cc.channel_id FROM channel_conversations cc"
                + " WHERE cc.conversation_id = " + conv + ".id), " + conv + ".channel_type))";
    }

    /** Reads back a {@link #subscribedColumn} named {@code column}. */
    public static Optional<Boolean> subscribed(ResultSet rs, String column) throws SQLException {
        int on = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(on == 1);
    }

    /**
     * The contact's subscription on the channel of conversation {@code conversationId} (the messaging channel it was
     * opened on, else {@code channelType}); empty when never set.
     */
    Optional<Boolean> subscribedIn(Handle h, String contactId, String conversationId, String channelType) {
        return h.createQuery("SELECT " + subscribedColumn("c") + " AS subscribed FROM (SELECT CAST(:contact AS TEXT)"
                        + " AS contact_id, CAST(:conv AS TEXT) AS id, CAST(:type AS TEXT) AS channel_type) c")
                .bind("contact", contactId).bind("conv", conversationId).bind("type", channelType)
                .map((rs, ctx) -> subscribed(rs, "subscribed")).one();
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
