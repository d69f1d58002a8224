package dev.parley.channel;

import dev.parley.channel.store.ChannelActivity;
import dev.parley.conversation.Author;
import dev.parley.conversation.Packet;
import dev.parley.conversation.PacketCodec;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the channel sends {@link OutboundQueue} queued: to the conversation's channel and recipient, recording
 * the vendor's message id. A vendor that is down or busy is retried in order (after its {@code Retry-After}
 * when it gives one); a refusal for good, or retries running out, is put on the conversation's timeline as a
 * {@code channel_error} for operators, never dropped silently; a refusal because the contact opted out at the
 * carrier also records them as unsubscribed from the channel's campaigns. A packet sent in several parts goes on, on a
 * retry, with the first part the vendor did not take: the parts taken are kept in the entry's payload
 * ({@code sent_parts}) in the transaction that records the failed attempt.
 */
final class ChannelSender implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(ChannelSender.class);
    /** About twenty minutes of retries (1, 3, 9, 27, 81, 243, 729 s), then the item is marked as not delivered. */
    static final RetryPolicy POLICY = new RetryPolicy(8, Duration.ofSeconds(1));

    private final Database db;
    private final Clock clock;
    private final ChannelRegistry registry;
    private final ChannelRecords store;
    private final TimelineStore timeline;
    private final ChannelActivity activity;
    private final Outbox outbox;
    private final CarrierOptOuts optOuts;
    private final ServiceWindow window = new ServiceWindow();
    private final Consumer<String> sending;

    /** @param sending told the conversation an item is about to be sent to, which ends its typing indicator */
    ChannelSender(Database db, Clock clock, ChannelRegistry registry, ChannelRecords store, TimelineStore timeline,
            ChannelActivity activity, Outbox outbox, Consumer<String> sending, CarrierOptOuts optOuts) {
        this.sending = sending;
        this.optOuts = optOuts;
        this.activity = activity;
        this.outbox = outbox;
        this.db = db;
        this.clock = clock;
        this.registry = registry;
        this.store = store;
        this.timeline = timeline;
    }

    @Override
    public String kind() {
        return OutboundQueue.KIND;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String conversationId = entry.payload().path("conversation_id").asText();
        String itemId = entry.payload().path("item_id").asText();
        Optional<ChannelRecords.Recipient> to = db.read(h -> store.recipient(h, conversationId));
        if (to.isEmpty()) {
            return new Result.Done(tx -> failed(tx, conversationId, itemId, "unknown", "no_channel",
                    "the conversation has no messaging channel to send to"));
        }
        Optional<ServedChannel> channel = registry.find(to.get().channelId());
        if (channel.isEmpty()) {
            return new Result.Done(tx -> failed(tx, conversationId, itemId, to.get().channelId(), "no_channel",
                    "channel " + to.get().channelId() + " is no longer configured"));
        }
        Packet packet = PacketCodec.read(entry.payload().path("packet").path("name").asText(),
                entry.payload().path("packet").path("payload"));
        String channelId = to.get().channelId();
        Optional<String> closed = db.read(h -> window.refusal(h, channel.get(), to.get(), packet, clock.instant()));
        if (closed.isPresent()) {
            return new Result.Done(tx -> failed(tx, conversationId, itemId, channelId, ServiceWindow.CLOSED,
                    closed.get()));
        }
        sending.accept(conversationId);
        return switch (channel.get().adapter().send(to.get().vendorUserId(), packet, SentParts.of(entry),
                entry.eventId())) {
            case SendResult.Sent sent -> {
                activity.recordOutbound(channelId);
                yield new Result.Done(tx -> store.recordSent(tx, to.get(), sent.vendorMessageId(),
                    conversationId, itemId, clock.instant()));
            }
            case SendResult.Retry retry -> {
                activity.recordError(channelId, "sending is retried: " + retry.reason());
                log.info("channel {}: sending {} of {} is retried: {}", to.get().channelId(), itemId, conversationId,
                        retry.reason());
                yield new Result.Retry(retry.reason(), tx -> retry.sent().keep(tx, outbox, entry),
                        retry.retryAfter());
            }
            case SendResult.Permanent permanent -> {
                activity.recordError(channelId, permanent.code() + ": " + permanent.reason());
                boolean optedOut = channel.get().adapter().optedOut(permanent);
                yield new Result.Done(tx -> {
                    failed(tx, conversationId, itemId, channelId, permanent.code(), permanent.reason());
                    if (optedOut) {
                        store.contactOf(tx.handle(), channelId, to.get().vendorUserId())
                                .ifPresent(contact -> optOuts.optedOut(tx, contact, channelId));
                    }
                });
            }
        };
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        String conversationId = entry.payload().path("conversation_id").asText();
        String channelId = store.recipient(tx.handle(), conversationId).map(ChannelRecords.Recipient::channelId)
                .orElse("unknown");
        failed(tx, conversationId, entry.payload().path("item_id").asText(), channelId, "retries_exhausted",
                "not delivered after " + entry.attempt() + " attempts: " + lastError);
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return POLICY;
    }

    private void failed(Tx tx, String conversationId, String itemId, String channelId, String code, String reason) {
        log.warn("channel {}: item {} of conversation {} not delivered: {} {}", channelId, itemId, conversationId,
                code, reason);
        timeline.append(tx, conversationId, Author.system(),
                new StatePacket.ChannelError(channelId, Optional.of(itemId), code, reason), false, Optional.empty());
    }
}
