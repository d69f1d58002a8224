package dev.parley.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactWrites;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Packet;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The reply to an outreach's template: it continues the outreach's conversation with the bot (or flow) the outreach
 * named, the reply riding in the bot's {@code start}, with the outreach's variables. A conversation an operator took
 * over meanwhile is left to the operator.
 */
public final class OutreachReplies implements InboundStep {
    private final ConversationHooks hooks;
    private final ContactWrites writes;

    public OutreachReplies(ContactWrites writes, ConversationHooks hooks) {
        this.writes = writes;
        this.hooks = hooks;
    }

    static void await(Tx tx, String conversationId, String botId, ObjectNode variables, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO outreach_replies (conversation_id, bot_id, variables, created_at)
                VALUES (:conv, :bot, :vars, :at)""").bind("conv", conversationId).bind("bot", botId)
                .bind("vars", Json.write(variables)).bind("at", now.toEpochMilli()).execute();
    }

    @Override
    public boolean handled(Tx tx, Inbound inbound) {
        if (inbound.conversation().isEmpty()) {
            return false;
        }
        Conversation conv = inbound.conversation().get();
        Optional<Map<String, Object>> waiting = tx.handle().createQuery(
                "SELECT bot_id, variables FROM outreach_replies WHERE conversation_id = :conv")
                .bind("conv", conv.id()).mapToMap().findOne();
        if (waiting.isEmpty()) {
            return false;
        }
        tx.handle().createUpdate("DELETE FROM outreach_replies WHERE conversation_id = :conv").bind("conv", conv.id())
                .execute();
        if (conv.status() != ConversationStatus.INBOX || conv.assignee().isPresent()) {
            return false;
        }
        Contact contact = inbound.contact();
        ChatPacket.Start start = ChatPacket.Start.empty();
        for (Packet packet : inbound.message().packets()) {
            writes.store(tx, conv.id(), contact, packet, Optional.empty());
            boolean first = start.body().isEmpty() && start.upload().isEmpty();
            if (first && packet instanceof ChatPacket.Message m) {
                start = new ChatPacket.Start(Optional.of(m.body()), Optional.empty());
            } else if (first && packet instanceof ChatPacket.Media m) {
                start = new ChatPacket.Start(Optional.empty(), Optional.of(m));
            }
        }
        hooks.startBot(tx, conv, (String) waiting.get().get("bot_id"),
                Json.parseStoredObject((String) waiting.get().get("variables")), start);
        return true;
    }
}
