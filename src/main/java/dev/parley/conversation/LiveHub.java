package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process fan-out of committed timeline items and typing signals to live listeners (WebSockets,
 * long polls). Listeners catch up from the store by {@code seq}, so a missed push loses nothing.
 */
public final class LiveHub {

    /** Receives pushes for one conversation; must not block. */
    public interface Listener {
        void item(TimelineItem item);

        void signal(ObjectNode signal);
    }

    /** Stops a listener from receiving. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, Set<Listener>> listeners = new ConcurrentHashMap<>();

    public Subscription subscribe(String conversationId, Listener listener) {
        listeners.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(conversationId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(TimelineItem item) {
        Set<Listener> set = listeners.get(item.conversationId());
        if (set != null) {
            set.forEach(l -> l.item(item));
        }
    }

    /** Pushes a transient signal (typing indicator) that is not part of the timeline. */
    public void signal(String conversationId, ObjectNode signal) {
        Set<Listener> set = listeners.get(conversationId);
        if (set != null) {
            set.forEach(l -> l.signal(signal));
        }
    }
}
