package dev.parley.channel;

import dev.parley.conversation.Author;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.store.Tx;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statuses the vendor reports about what Parley sent: kept on the sent message (sent → delivered → read, never
 * back); a failure is also put on the conversation's timeline with the vendor's errors, for operators.
 */
final class DeliveryReports {
    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);
    private static final List<String> ORDER = List.of("sent", "delivered", "read", "failed");

    private final ChannelRecords store;
    private final TimelineStore timeline;

    DeliveryReports(ChannelRecords store, TimelineStore timeline) {
        this.store = store;
        this.timeline = timeline;
    }

    void apply(Tx tx, ServedChannel channel, DeliveryReport report) {
        if (report.vendorMessageIds().isEmpty()) {
            store.readUpTo(tx, channel.id(), report.vendorUserId(), report.at());
            return;
        }
        for (String id : report.vendorMessageIds()) {
            Optional<ChannelRecords.Sent> sent = store.sent(tx.handle(), channel.id(), id);
            if (sent.isEmpty()) {
                log.debug("channel {}: a {} status for {}, which Parley did not send", channel.id(), report.wire(), id);
                continue;
            }
            if (ORDER.indexOf(report.wire()) > ORDER.indexOf(sent.get().status())) {
                store.setStatus(tx, channel.id(), id, report.wire(), report.at());
            }
            if (report.status() == DeliveryReport.Status.FAILED && !sent.get().status().equals("failed")) {
                String reason = report.errors().isEmpty() ? "the vendor reports the message as failed"
                        : String.join("; ", report.errors());
                log.warn("channel {}: message {} of conversation {} failed: {}", channel.id(), id,
                        sent.get().conversationId(), reason);
                timeline.append(tx, sent.get().conversationId(), Author.system(), new StatePacket.ChannelError(
                        channel.id(), Optional.of(sent.get().itemId()), code(report), reason), false, Optional.empty());
            }
        }
    }

    private static String code(DeliveryReport report) {
        return report.errors().stream().findFirst().filter(e -> e.startsWith("(#"))
                .map(e -> e.substring(2, Math.max(2, e.indexOf(')')))).orElse("failed");
    }
}
