package dev.parley.operator;

import dev.parley.conversation.LiveHub;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces changed conversations to the open operator streams. Changes of one conversation that come
 * in quick succession are read once; a single drainer reads them in the order they came, so every
 * stream sees the states of a conversation in the order they were committed.
 */
final class OperatorFeed implements LiveHub.ChangeListener {
    private static final Logger log = LoggerFactory.getLogger(OperatorFeed.class);

    /** Receives the current list entry of a changed conversation; called from the drainer thread. */
    interface Receiver {
        void changed(ConversationQueries.Summary summary);
    }

    private final ConversationQueries queries;
    private final Set<Receiver> receivers = ConcurrentHashMap.newKeySet();
    private final LinkedHashSet<String> pending = new LinkedHashSet<>();
    private boolean draining;

    OperatorFeed(LiveHub hub, ConversationQueries queries) {
        this.queries = queries;
        hub.subscribeChanges(this);
    }

    LiveHub.Subscription listen(Receiver receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    @Override
    public void changed(String conversationId) {
        if (receivers.isEmpty()) {
            return;
        }
        synchronized (pending) {
            pending.add(conversationId);
            if (draining) {
                return;
            }
            draining = true;
        }
        Thread.ofVirtual().name("operator-feed").start(this::drain);
    }

    private void drain() {
        while (true) {
            String next;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    draining = false;
                    return;
                }
                next = pending.removeFirst();
            }
            try {
                Optional<ConversationQueries.Summary> summary = queries.summary(next);
                summary.ifPresent(s -> receivers.forEach(r -> r.changed(s)));
            } catch (RuntimeException e) {
                log.warn("could not announce the change of conversation {}", next, e);
            }
        }
    }
}
