package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one point where what a node committed is announced to live listeners: this node's alone
 * ({@link InProcess}, a single node) or every node's ({@link RedisFanout}, nodes sharing Redis).
 * Announcements only wake listeners; what they send is read from the database, so a lost one loses nothing.
 */
public sealed interface LiveFanout permits LiveFanout.InProcess, RedisFanout {

    void item(TimelineItem item);

    void opened(Conversation conversation);

    void changed(String conversationId);

    void signal(String conversationId, ObjectNode signal);

    /** A single node: straight to this node's listeners. */
    record InProcess(LiveHub hub) implements LiveFanout {
        @Override
        public void item(TimelineItem item) {
            hub.deliverItem(item);
        }

        @Override
        public void opened(Conversation conversation) {
            hub.deliverOpened(conversation);
        }

        @Override
        public void changed(String conversationId) {
            hub.deliverChanged(conversationId);
        }

        @Override
        public void signal(String conversationId, ObjectNode signal) {
            hub.deliverSignal(conversationId, signal);
        }
    }
}
