package dev.parley.channel;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * WhatsApp's customer-service window (channels.md §4): a free-form message reaches a contact only within 24 hours
 * of their last message to the number; outside it only an approved template may be sent. Parley refuses the rest
 * itself instead of letting Meta answer 131047, so operators see why on the timeline.
 */
final class ServiceWindow {
    /** The code of the {@code channel_error} a refused message leaves on the timeline. */
    static final String CLOSED = "outside_service_window";
    static final Duration LENGTH = Duration.ofHours(24);

    /** Why {@code packet} may not go to {@code to} now; empty when it may. */
    Optional<String> refusal(Handle h, ServedChannel channel, ChannelRecords.Recipient to, Packet packet, Instant now) {
        if (channel.type() != ChannelType.WHATSAPP || packet instanceof ChatPacket.Template) {
            return Optional.empty();
        }
        Optional<Instant> last = lastInbound(h, to);
        if (last.isPresent() && last.get().isAfter(now.minus(LENGTH))) {
            return Optional.empty();
        }
        return Optional.of("not sent: WhatsApp delivers a free-form message only within 24 hours of the contact's"
                + " last message, and " + last.map(at -> "their last one came at " + at).orElse("they have not"
                + " written on channel " + to.channelId() + " yet") + "; send an approved template instead");
    }

    /** When the contact last wrote on the channel, in any of their conversations there. */
    static Optional<Instant> lastInbound(Handle h, ChannelRecords.Recipient to) {
        return h.createQuery("""
                SELECT MAX(t.at) FROM timeline t
                JOIN channel_conversations cc ON cc.conversation_id = t.conversation_id
                WHERE cc.channel_id = :channel AND cc.vendor_user_id = :user AND t.author_type = 'contact'""")
                .bind("channel", to.channelId()).bind("user", to.vendorUserId())
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }
}
