package dev.parley.conversation;

import dev.parley.store.Tx;

/**
 * What the routing and bot side does when the contact side changes a conversation. Called inside
 * the transaction that stored the change, so its effects (assignment, outbox entries) commit with it.
 */
public interface ConversationHooks {

    /**
     * A new conversation was stored (status {@code inbox}), or its contact just registered; route it
     * and return its new state. {@code returning} tells a contact who came back with their token;
     * {@code start} is the event a bot session begins with (it may carry the contact's first message).
     */
    Conversation opened(Tx tx, Conversation conversation, Contact contact, boolean returning,
            ChatPacket.Start start);

    /**
     * A new conversation was stored for a given bot (a test chat, an outreach): start that bot's
     * session, its context holding {@code variables} for the bot to begin with, with the event {@code start}.
     */
    Conversation startBot(Tx tx, Conversation conversation, String botId,
            com.fasterxml.jackson.databind.node.ObjectNode variables, ChatPacket.Start start);

    /** The contact added {@code item} (a message, click, upload…); hand it to whoever has the conversation. */
    void contactWrote(Tx tx, Conversation conversation, TimelineItem item);
}
