package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fan-out of committed timeline items, new conversations, state changes and typing signals to live
 * listeners (WebSockets, long polls). What this node commits goes out through one {@link LiveFanout}: to
 * this node's listeners alone on a single node, to every node's through Redis when nodes share one.
 * Listeners catch up from the store ({@code seq}, a cursor), so a missed push loses nothing.
 */
public final class LiveHub {

    /** Receives pushes for one conversation; must not block. */
    public interface Listener {
        void item(TimelineItem item);

        void signal(ObjectNode signal);
    }

    /**
     * Hears the transient signals (typing) raised on this node, for every conversation, once each however many
     * nodes there are; must not block.
     */
    public interface SignalListener {
        void signal(String conversationId, ObjectNode signal);
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

    private final Keyed<Listener> listeners = new Keyed<>();
    private final Keyed<Consumer<Conversation>> openedListeners = new Keyed<>();
    private final Set<ChangeListener> changeListeners = ConcurrentHashMap.newKeySet();
    private final Set<SignalListener> signalListeners = ConcurrentHashMap.newKeySet();
    private volatile LiveFanout fanout = new LiveFanout.InProcess(this);

    /** Sends what this node commits through {@code fanout} from now on (Redis, when nodes share one). */
    public void fanOutThrough(LiveFanout fanout) {
        this.fanout = fanout;
    }

    public Subscription subscribe(String conversationId, Listener listener) {
        return listeners.add(conversationId, listener);
    }

    /** Hears about the contact's conversations committed from now on, on any widget or channel; must not block. */
    public Subscription subscribeOpened(String contactId, Consumer<Conversation> listener) {
        return openedListeners.add(contactId, listener);
    }

    /** Hears about changes of all conversations: their committed items and state changes. */
    public Subscription subscribeChanges(ChangeListener listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Hears the signals raised on this node (not those of other nodes), such as a messaging channel's typing. */
    public Subscription subscribeRaisedSignals(SignalListener listener) {
        signalListeners.add(listener);
        return () -> signalListeners.remove(listener);
    }

    void publish(TimelineItem item) {
        fanout.item(item);
    }

    /** A committed new conversation. */
    void opened(Conversation conversation) {
        fanout.opened(conversation);
    }

    /** A committed change of the conversation's state (status, assignee, group, subject…). */
    void changed(String conversationId) {
        fanout.changed(conversationId);
    }

    /** Pushes a transient signal (typing indicator) that is not part of the timeline. */
    public void signal(String conversationId, ObjectNode signal) {
        signalListeners.forEach(l -> l.signal(conversationId, signal));
        fanout.signal(conversationId, signal);
    }

    void deliverItem(TimelineItem item) {
        listeners.each(item.conversationId(), l -> l.item(item));
        deliverChanged(item.conversationId());
    }

    void deliverOpened(Conversation conversation) {
        openedListeners.each(conversation.contactId(), l -> l.accept(conversation));
        deliverChanged(conversation.id());
    }

    void deliverChanged(String conversationId) {
        changeListeners.forEach(l -> l.changed(conversationId));
    }

    void deliverSignal(String conversationId, ObjectNode signal) {
        listeners.each(conversationId, l -> l.signal(signal));
    }

    /** Whether this node has a socket or long poll on the conversation. */
    boolean listensTo(String conversationId) {
        return listeners.has(conversationId);
    }

    /** The conversations this node has a socket or long poll on. */
    Set<String> conversationsListenedTo() {
        return listeners.keys();
    }

    /** Whether this node has a long poll waiting for the contact's new conversations. */
    boolean listensForOpened(String contactId) {
        return openedListeners.has(contactId);
    }

    /** Listeners waiting for pushes of a conversation or a contact: open widget sockets and long polls. */
    public int listeners() {
        return listeners.count() + openedListeners.count();
    }

    /** Listeners by key (a conversation, a contact); a key without listeners takes no room. */
    private static final class Keyed<L> {
        private final ConcurrentHashMap<String, Set<L>> byKey = new ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();

        Subscription add(String key, L listener) {
            // added inside compute: a concurrent removal cannot drop the set this listener goes into
            byKey.compute(key, (k, set) -> {
                Set<L> into = set == null ? ConcurrentHashMap.newKeySet() : set;
                if (into.add(listener)) {
                    count.incrementAndGet();
                }
                return into;
            });
            return () -> byKey.computeIfPresent(key, (k, set) -> {
                if (set.remove(listener)) {
                    count.decrementAndGet();
                }
                return set.isEmpty() ? null : set;
            });
        }

        int count() {
            return count.get();
        }

        Set<String> keys() {
            return Set.copyOf(byKey.keySet());
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        void each(String key, Consumer<L> push) {
            Set<L> set = byKey.get(key);
            if (set != null) {
                set.forEach(push);
            }
        }
    }
}
