package dev.parley.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.LiveHub;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typing indicator on messaging channels ({@link ChannelAdapter#typing}): the typing signal a bot's {@code
 * delay} (or an operator typing) raises for the widget is queued on the conversation's channel lane, so it shows
 * after what was sent before it, not ahead of it; it is then shown again every {@link #REPEAT}, as vendors show it
 * for a few seconds only (Telegram: 5 s), until the signal ends, the next item is sent or {@link #LONGEST} passed.
 * A contact's own typing is not echoed back to them. Best effort: a typing indicator is never retried, and one
 * whose signal ended before its turn on the lane (or that another node raised) is not shown.
 */
final class ChannelTyping implements LiveHub.SignalListener, OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(ChannelTyping.class);
    static final String KIND = "channel_typing";
    static final Duration REPEAT = Duration.ofSeconds(4);
    /** The longest {@code delay} a bot may ask for. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final Database db;
    private final Clock clock;
    private final ChannelRegistry registry;
    private final ChannelRecords store;
    private final Outbox outbox;
    /** The typing signal in force per conversation, raised on this node; a queued indicator shows only while it is. */
    private final Map<String, String> wanted = new ConcurrentHashMap<>();
    private final Map<String, Thread> showing = new ConcurrentHashMap<>();

    ChannelTyping(Database db, Clock clock, ChannelRegistry registry, ChannelRecords store, Outbox outbox) {
        this.db = db;
        this.clock = clock;
        this.registry = registry;
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public void signal(String conversationId, ObjectNode signal) {
        if (!"typing".equals(signal.path("type").asText()) || "contact".equals(signal.path("author").path("type")
                .asText())) {
            return;
        }
        wanted.remove(conversationId);
        hide(conversationId);
        if (signal.path("active").asBoolean()) {
            String wish = UUID.randomUUID().toString();
            wanted.put(conversationId, wish);
            Thread.ofVirtual().name("channel-typing").start(() -> queue(conversationId, wish));
        }
    }

    private void queue(String conversationId, String wish) {
        try {
            if (db.read(h -> store.recipient(h, conversationId)).isPresent()) {
                db.useWrite(tx -> outbox.enqueue(tx, OutboundQueue.lane(conversationId), KIND, Json.object()
                        .put("conversation_id", conversationId).put("wish", wish)
                        .put("until", clock.instant().plus(LONGEST).toEpochMilli())));
            }
        } catch (RuntimeException e) {
            log.warn("typing indicator of conversation {} not queued: {}", conversationId, e.toString());
        }
    }

    /** Stops showing typing in the conversation, as an item is being sent to it (which ends it at the vendor too). */
    void sending(String conversationId) {
        hide(conversationId);
    }

    private void hide(String conversationId) {
        Optional.ofNullable(showing.remove(conversationId)).ifPresent(Thread::interrupt);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String conversationId = entry.payload().path("conversation_id").asText();
        Instant until = Instant.ofEpochMilli(entry.payload().path("until").asLong());
        Optional<ChannelRecords.Recipient> to = db.read(h -> store.recipient(h, conversationId));
        Optional<ServedChannel> channel = to.flatMap(r -> registry.find(r.channelId()));
        boolean stillWanted = entry.payload().path("wish").asText().equals(wanted.get(conversationId));
        if (stillWanted && to.isPresent() && channel.isPresent() && clock.instant().isBefore(until)) {
            hide(conversationId);
            showing.put(conversationId, Thread.ofVirtual().name("channel-typing").start(() ->
                    show(conversationId, channel.get().adapter(), to.get().vendorUserId(), until)));
        }
        return new Result.Done(tx -> { });
    }

    private void show(String conversationId, ChannelAdapter adapter, String recipient, Instant until) {
        try {
            for (long shown = 0; shown * REPEAT.toMillis() < LONGEST.toMillis() && clock.instant().isBefore(until)
                    && !Thread.currentThread().isInterrupted(); shown++) {
                adapter.typing(recipient);
                Thread.sleep(REPEAT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("typing indicator of conversation {} not shown: {}", conversationId, e.toString());
        } finally {
            showing.remove(conversationId, Thread.currentThread());
        }
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        // a typing indicator that could not be shown is not worth a record
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return new RetryPolicy(1, Duration.ofSeconds(1));
    }
}
