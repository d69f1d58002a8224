package dev.parley.channel;

import dev.parley.conversation.ConversationStatus;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for what messaging channels remember: messages received (de-duplication), who writes on a channel,
 * which channel and recipient each conversation has, and what was sent with its latest status.
 */
public final class ChannelRecords {

    /** Where a conversation's items go: the channel and the vendor's user id. */
    public record Recipient(String channelId, String vendorUserId) {}

    /** A message Parley sent, as a delivery report finds it. */
    public record Sent(String conversationId, String itemId, String status) {}

    private static final RowMapper<Sent> SENT = (rs, ctx) -> new Sent(rs.getString("conversation_id"),
            rs.getString("item_id"), rs.getString("status"));

    boolean received(Handle h, String channelId, String vendorMessageId) {
        return h.createQuery("""
                SELECT COUNT(*) FROM channel_inbound WHERE channel_id = :channel AND vendor_message_id = :id""")
                .bind("channel", channelId).bind("id", vendorMessageId).mapTo(Integer.class).one() > 0;
    }

    void markReceived(Tx tx, String channelId, String vendorMessageId, Optional<String> conversationId, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO channel_inbound (channel_id, vendor_message_id, conversation_id, received_at)
                VALUES (:channel, :id, :conv, :at)""")
                .bind("channel", channelId).bind("id", vendorMessageId).bind("conv", conversationId.orElse(null))
                .bind("at", at.toEpochMilli()).execute();
    }

    Optional<String> contactOf(Handle h, String channelId, String vendorUserId) {
        return h.createQuery("""
                SELECT contact_id FROM channel_contacts WHERE channel_id = :channel AND vendor_user_id = :user""")
                .bind("channel", channelId).bind("user", vendorUserId).mapTo(String.class).findOne();
    }

    void addContact(Tx tx, String channelId, String vendorUserId, String contactId, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO channel_contacts (channel_id, vendor_user_id, contact_id, created_at)
                VALUES (:channel, :user, :contact, :at)""")
                .bind("channel", channelId).bind("user", vendorUserId).bind("contact", contactId)
                .bind("at", at.toEpochMilli()).execute();
    }

    /** The newest conversation of the user on the channel that has not ended. */
    Optional<String> openConversation(Handle h, String channelId, String vendorUserId) {
        return h.createQuery("""
                SELECT cc.conversation_id FROM channel_conversations cc
                JOIN conversations c ON c.id = cc.conversation_id
                WHERE cc.channel_id = :channel AND cc.vendor_user_id = :user AND c.status <> :ended
                ORDER BY cc.created_at DESC, cc.conversation_id DESC LIMIT 1""")
                .bind("channel", channelId).bind("user", vendorUserId).bind("ended", ConversationStatus.ENDED.wire())
                .mapTo(String.class).findOne();
    }

    void addConversation(Tx tx, String conversationId, String channelId, String vendorUserId, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO channel_conversations (conversation_id, channel_id, vendor_user_id, created_at)
                VALUES (:conv, :channel, :user, :at)""")
                .bind("conv", conversationId).bind("channel", channelId).bind("user", vendorUserId)
                .bind("at", at.toEpochMilli()).execute();
    }

    public Optional<Recipient> recipient(Handle h, String conversationId) {
        return h.createQuery("SELECT channel_id, vendor_user_id FROM channel_conversations WHERE conversation_id = :c")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Recipient(rs.getString("channel_id"), rs.getString("vendor_user_id")))
                .findOne();
    }

    void recordSent(Tx tx, Recipient to, String vendorMessageId, String conversationId, String itemId, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO channel_outbound (channel_id, vendor_message_id, conversation_id, item_id, recipient,
                  status, sent_at, status_at)
                VALUES (:channel, :id, :conv, :item, :to, 'sent', :at, :at)""")
                .bind("channel", to.channelId()).bind("id", vendorMessageId).bind("conv", conversationId)
                .bind("item", itemId).bind("to", to.vendorUserId()).bind("at", at.toEpochMilli()).execute();
    }

    Optional<Sent> sent(Handle h, String channelId, String vendorMessageId) {
        return h.createQuery("""
                SELECT conversation_id, item_id, status FROM channel_outbound
                WHERE channel_id = :channel AND vendor_message_id = :id""")
                .bind("channel", channelId).bind("id", vendorMessageId)
                .map(SENT)
                .findOne();
    }

    void setStatus(Tx tx, String channelId, String vendorMessageId, String status, Instant at) {
        tx.handle().createUpdate("""
                UPDATE channel_outbound SET status = :status, status_at = :at
                WHERE channel_id = :channel AND vendor_message_id = :id""")
                .bind("status", status).bind("at", at.toEpochMilli()).bind("channel", channelId)
                .bind("id", vendorMessageId).execute();
    }

    /** A read receipt: everything sent to the user before {@code watermark} and not yet read is read. */
    void readUpTo(Tx tx, String channelId, String vendorUserId, Instant watermark) {
        tx.handle().createUpdate("""
                UPDATE channel_outbound SET status = 'read', status_at = :at
                WHERE channel_id = :channel AND recipient = :user AND sent_at <= :at
                  AND status IN ('sent', 'delivered')""")
                .bind("at", watermark.toEpochMilli()).bind("channel", channelId).bind("user", vendorUserId)
                .execute();
    }

    /** The vendor id and status of what carried a timeline item, if it was sent. */
    public Optional<Sent> ofItem(Handle h, String conversationId, String itemId) {
        return h.createQuery("""
                SELECT conversation_id, item_id, status FROM channel_outbound
                WHERE conversation_id = :conv AND item_id = :item""")
                .bind("conv", conversationId).bind("item", itemId)
                .map(SENT)
                .findFirst();
    }
}
