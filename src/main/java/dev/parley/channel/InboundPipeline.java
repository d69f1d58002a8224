package dev.parley.channel;

import dev.parley.channel.store.ChannelActivity;
import dev.parley.conversation.Packet;
import dev.parley.error.ClientError;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a vendor's webhook call, step by step: find the channel (404), verify the raw bytes (401,
 * nothing stored), parse (400 naming the field; files downloaded and stored), then each message in its own
 * transaction: skip a vendor retry already stored, know the contact, run the {@link InboundStep}s (such as the
 * unsubscribe keyword), resolve choice answers, hand the packets to the conversation (opening one on the first
 * message, through {@link dev.parley.conversation.ContactWrites} as the website widget's writes), and record the
 * message as received. Delivery statuses last, then what the vendor wants acknowledged
 * ({@link ChannelAdapter#afterStored}). The caller answers 200 only when this returns, so everything answered 200
 * is stored.
 */
public final class InboundPipeline {
    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final Database db;
    private final Clock clock;
    private final ChannelRegistry registry;
    private final ChannelRecords store;
    private final ChannelConversations conversations;
    private final ChoiceAnswers answers;
    private final DeliveryReports reports;
    private final List<InboundStep> steps;
    private final ChannelActivity activity;

    InboundPipeline(Database db, Clock clock, ChannelRegistry registry, ChannelRecords store,
            ChannelConversations conversations, ChoiceAnswers answers, DeliveryReports reports,
            List<InboundStep> steps, ChannelActivity activity) {
        this.db = db;
        this.clock = clock;
        this.registry = registry;
        this.store = store;
        this.conversations = conversations;
        this.answers = answers;
        this.reports = reports;
        this.steps = List.copyOf(steps);
        this.activity = activity;
    }

    /** The served channel {@code id}; 404 when there is none. */
    public ServedChannel channel(String id) {
        return registry.find(id).orElseThrow(() -> ClientError.notFound("channel", id));
    }

    /** Takes one webhook call of channel {@code channelId}; returns how many new messages were stored. */
    public int receive(String channelId, InboundRequest request) {
        ServedChannel channel = channel(channelId);
        switch (channel.adapter().verify(request)) {
            case Verification.Verified verified -> { }
            case Verification.Refused refused -> {
                log.warn("channel {}: webhook refused: {}", channelId, refused.reason());
                activity.recordError(channelId, "a webhook call was refused: " + refused.reason());
                throw ClientError.unauthorized("the webhook call does not carry the channel's valid signature or secret token");
            }
        }
        List<InboundMessage> messages = channel.adapter().parse(request);
        List<DeliveryReport> statuses = channel.adapter().reports(request);
        int stored = 0;
        for (InboundMessage message : messages) {
            stored += db.write(tx -> store(tx, channel, message)) ? 1 : 0;
        }
        statuses.forEach(report -> db.useWrite(tx -> reports.apply(tx, channel, report)));
        channel.adapter().afterStored(request);
        activity.recordInbound(channelId);
        return stored;
    }

    private boolean store(Tx tx, ServedChannel channel, InboundMessage message) {
        tx.lock("channel-user:" + channel.id() + ":" + message.vendorUserId());
        if (store.received(tx.handle(), channel.id(), message.vendorMessageId()) || message.packets().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        ChannelConversations.Writer writer = conversations.writer(tx, channel, message, now);
        var open = conversations.open(tx, channel, message.vendorUserId());
        InboundStep.Inbound inbound = new InboundStep.Inbound(channel, writer.contact(), open, message);
        for (InboundStep step : steps) {
            if (step.handled(tx, inbound)) {
                store.markReceived(tx, channel.id(), message.vendorMessageId(), open.map(c -> c.id()), now);
                return true;
            }
        }
        List<Packet> packets = message.packets().stream()
                .map(p -> answers.resolve(tx, channel.adapter(), open, p)).toList();
        String conversationId = conversations.deliver(tx, channel, writer, open, message.vendorUserId(), packets,
                now);
        store.markReceived(tx, channel.id(), message.vendorMessageId(), Optional.of(conversationId), now);
        return true;
    }
}
