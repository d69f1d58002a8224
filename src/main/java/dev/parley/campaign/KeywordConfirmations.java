package dev.parley.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelRegistry;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.channel.ServedChannel;
import dev.parley.conversation.ChatPacket;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.store.Tx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unsubscribe confirmation to a contact who sent the keyword with no conversation open: there is no timeline
 * to put it on, so it goes straight to the channel's recipient through the outbox (retried like every send).
 */
public final class KeywordConfirmations implements OutboxHandler {
    static final String KIND = "campaign_confirmation";
    private static final Logger log = LoggerFactory.getLogger(KeywordConfirmations.class);
    private static final RetryPolicy POLICY = new RetryPolicy(8, Duration.ofSeconds(1));

    private final Outbox outbox;
    private final Supplier<ChannelRegistry> registry;

    /** {@code registry}: the served channels, known once the channel module is built. */
    public KeywordConfirmations(Outbox outbox, Supplier<ChannelRegistry> registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    void send(Tx tx, String channelId, String recipient, String text) {
        ObjectNode payload = Json.object().put("channel_id", channelId).put("recipient", recipient).put("text", text);
        outbox.enqueue(tx, "channel-user:" + channelId + ":" + recipient, KIND, payload);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String channelId = entry.payload().path("channel_id").asText();
        Optional<ServedChannel> channel = registry.get().find(channelId);
        if (channel.isEmpty()) {
            log.warn("channel {}: unsubscribe confirmation not sent: the channel is no longer served", channelId);
            return new Result.Done(tx -> { });
        }
        ChatPacket.Message text = ChatPacket.Message.text(entry.payload().path("text").asText());
        return switch (channel.get().adapter().send(entry.payload().path("recipient").asText(), text,
                SentParts.of(entry), entry.eventId())) {
            case SendResult.Sent sent -> new Result.Done(tx -> { });
            case SendResult.Retry retry -> new Result.Retry(retry.reason(),
                    tx -> retry.sent().keep(tx, outbox, entry), retry.retryAfter());
            case SendResult.Permanent permanent -> {
                log.warn("channel {}: unsubscribe confirmation refused: {} {}", channelId, permanent.code(),
                        permanent.reason());
                yield new Result.Done(tx -> { });
            }
        };
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        log.warn("channel {}: unsubscribe confirmation not delivered: {}", entry.payload().path("channel_id").asText(),
                lastError);
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return POLICY;
    }
}
