package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One bot session: a conversation assigned to a bot, from start to end; {@code cid} names it. */
record Session(String cid, String botId, String conversationId, boolean active, ObjectNode context,
        Instant startedAt) {
}
