package dev.parley.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.LiveHub;
import dev.parley.store.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typing indicator on messaging channels: the typing signal a bot's {@code delay} (or an operator typing)
 * raises for the widget is also shown through the conversation's channel ({@link ChannelAdapter#typing}), again
 * every {@link #REPEAT} while it lasts, since vendors show it only for a few seconds (Telegram: 5 s), and at most
 * {@link #LONGEST}. A contact's own typing is not echoed back to them.
 */
final class ChannelTyping implements LiveHub.SignalListener {
    private static final Logger log = LoggerFactory.getLogger(ChannelTyping.class);
    static final Duration REPEAT = Duration.ofSeconds(4);
    /** The longest {@code delay} a bot may ask for. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final Database db;
    private final ChannelRegistry registry;
    private final ChannelRecords store;
    private final Map<String, Thread> showing = new ConcurrentHashMap<>();

    ChannelTyping(Database db, ChannelRegistry registry, ChannelRecords store) {
        this.db = db;
        this.registry = registry;
        this.store = store;
    }

    @Override
    public void signal(String conversationId, ObjectNode signal) {
        if (!"typing".equals(signal.path("type").asText()) || "contact".equals(signal.path("author").path("type")
                .asText())) {
            return;
        }
        Optional.ofNullable(showing.remove(conversationId)).ifPresent(Thread::interrupt);
        if (signal.path("active").asBoolean()) {
            showing.put(conversationId, Thread.ofVirtual().name("channel-typing").start(() -> show(conversationId)));
        }
    }

    private void show(String conversationId) {
        try {
            Optional<ChannelRecords.Recipient> to = db.read(h -> store.recipient(h, conversationId));
            Optional<ServedChannel> channel = to.flatMap(r -> registry.find(r.channelId()));
            if (to.isEmpty() || channel.isEmpty()) {
                return;
            }
            for (long shown = 0; shown * REPEAT.toMillis() < LONGEST.toMillis()
                    && !Thread.currentThread().isInterrupted(); shown++) {
                channel.get().adapter().typing(to.get().vendorUserId());
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
}
