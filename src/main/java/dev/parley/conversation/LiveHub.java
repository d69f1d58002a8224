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

    /** Hears that a conversation changed (state or timeline), for every conversation; must not block. */
    public interface ChangeListener {
        void changed(String conversationId);
    }

    private final ConcurrentHashMap<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<ChangeListener> changeListeners = ConcurrentHashMap.newKeySet();

    public Subscription subscribe(String conversationId, Listener listener) {
        listeners.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(conversationId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Hears about changes of all conversations: their committed items and state changes. */
    public Subscription subscribeChanges(ChangeListener listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    void publish(TimelineItem item) {
        Set<Listener> set = listeners.get(item.conversationId());
        if (set != null) {
            set.forEach(l -> l.item(item));
        }
        changed(item.conversationId());
    }

    /** A committed change of the conversation's state (status, assignee, group, subject…). */
    void changed(String conversationId) {
        changeListeners.forEach(l -> l.changed(conversationId));
    }

    /** Pushes a transient signal (typing indicator) that is not part of the timeline. */
    public void signal(String conversationId, ObjectNode signal) {
        Set<Listener> set = listeners.get(conversationId);
        if (set != null) {
            set.forEach(l -> l.signal(signal));
        }
    }
}
