package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.cluster.RedisConnection;
import dev.parley.json.Json;
import dev.parley.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live fan-out across nodes: this node's listeners hear at once, the other nodes through a Redis pub/sub
 * channel. A message names what changed (a conversation and {@code seq}, a contact's new conversation);
 * the receiving node reads it from the shared database, and only when it has a listener for it. Typing
 * signals, which are not stored, travel whole. Redis holds nothing durable: what other nodes committed
 * while this node's subscription was away reached none of its listeners, so each time the subscription comes
 * back every conversation listened to here is pushed its newest items from the database, and its sockets
 * and long polls catch up from there.
 */
public final class RedisFanout implements LiveFanout {
    private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);
    static final String CHANNEL = "live";

    private enum Kind { ITEM, OPENED, CHANGED, SIGNAL }

    private final RedisConnection redis;
    private final LiveHub hub;
    private final Database db;
    private final TimelineStore timeline;
    private final ConversationStore conversations;
    private final String node;
    private final ExecutorService receivers = Executors.newVirtualThreadPerTaskExecutor();

    private RedisFanout(RedisConnection redis, LiveHub hub, Database db, TimelineStore timeline,
            ConversationStore conversations, String node) {
        this.redis = redis;
        this.hub = hub;
        this.db = db;
        this.timeline = timeline;
        this.conversations = conversations;
        this.node = node;
    }

    /**
     * Subscribes this node and makes {@code hub} announce through Redis from now on; the subscription ends
     * with the Redis connection.
     */
    public static RedisFanout start(RedisConnection redis, LiveHub hub, Database db, TimelineStore timeline,
            ConversationStore conversations, String node) {
        RedisFanout fanout = new RedisFanout(redis, hub, db, timeline, conversations, node);
        redis.subscribe(CHANNEL, fanout::received, fanout::resubscribed);
        hub.fanOutThrough(fanout);
        return fanout;
    }

    @Override
    public void item(TimelineItem item) {
        hub.deliverItem(item);
        publish(message(Kind.ITEM, item.conversationId()).put("seq", item.seq()));
    }

    @Override
    public void opened(Conversation conversation) {
        hub.deliverOpened(conversation);
        publish(message(Kind.OPENED, conversation.id()).put("contact", conversation.contactId()));
    }

    @Override
    public void changed(String conversationId) {
        hub.deliverChanged(conversationId);
        publish(message(Kind.CHANGED, conversationId));
    }

    @Override
    public void signal(String conversationId, ObjectNode signal) {
        hub.deliverSignal(conversationId, signal);
        publish(message(Kind.SIGNAL, conversationId).set("signal", signal));
    }

    private ObjectNode message(Kind kind, String conversationId) {
        return Json.object().put("node", node).put("kind", kind.name().toLowerCase(Locale.ROOT))
                .put("conversation", conversationId);
    }

    private void publish(ObjectNode message) {
        redis.publish(CHANNEL, Json.write(message).getBytes(StandardCharsets.UTF_8));
    }

    private void received(byte[] body) {
        receivers.execute(() -> {
            try {
                ObjectNode message = Json.parseStoredObject(new String(body, StandardCharsets.UTF_8));
                if (!node.equals(message.path("node").asText())) {
                    deliver(message);
                }
            } catch (RuntimeException e) {
                log.warn("a live push from another node could not be delivered: {}", e.getMessage());
            }
        });
    }

    /**
     * Pushes each conversation listened to on this node its newest item and its newest item the contact
     * sees: a listener behind either reads what it missed from the database (a contact's socket skips
     * items hidden from the contact, an operator's does not).
     */
    private void resubscribed() {
        receivers.execute(() -> {
            Set<String> listened = hub.conversationsListenedTo();
            log.info("live pushes through Redis subscribed; {} conversations listened to here catch up",
                    listened.size());
            for (String conversationId : listened) {
                try {
                    db.read(h -> Stream.of(timeline.newest(h, conversationId, false),
                            timeline.newest(h, conversationId, true)).flatMap(Optional::stream).toList())
                            .forEach(hub::deliverItem);
                } catch (RuntimeException e) {
                    log.warn("conversation {} could not catch up after Redis came back: {}", conversationId,
                            e.getMessage());
                }
            }
        });
    }

    private void deliver(ObjectNode message) {
        String conversationId = message.path("conversation").asText();
        switch (Kind.valueOf(message.path("kind").asText().toUpperCase(Locale.ROOT))) {
            case ITEM -> {
                long seq = message.path("seq").asLong();
                if (hub.listensTo(conversationId)) {
                    db.read(h -> timeline.after(h, conversationId, seq - 1, 1, false)).stream()
                            .filter(i -> i.seq() == seq).findFirst()
                            .ifPresentOrElse(hub::deliverItem, () -> hub.deliverChanged(conversationId));
                } else {
                    hub.deliverChanged(conversationId);
                }
            }
            case OPENED -> {
                if (hub.listensForOpened(message.path("contact").asText())) {
                    db.read(h -> conversations.find(h, conversationId)).ifPresentOrElse(hub::deliverOpened,
                            () -> hub.deliverChanged(conversationId));
                } else {
                    hub.deliverChanged(conversationId);
                }
            }
            case CHANGED -> hub.deliverChanged(conversationId);
            case SIGNAL -> hub.deliverSignal(conversationId, (ObjectNode) message.path("signal"));
        }
    }
}
