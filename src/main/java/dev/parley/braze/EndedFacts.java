package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.conversation.Author;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What retargeting needs to know about an ending conversation: its state, its contact, the last bot that
 * wrote in it and the id of the flow that bot ran last (when it is a flow bot), whether a human wrote,
 * and why it ended.
 */
record EndedFacts(Conversation conversation, Contact contact, Optional<String> lastBot, Optional<String> flowId,
        boolean humanWrote, Optional<String> endReason, Instant endedAt) {

    private static final int PAGE = 500;

    /** Reads them in {@code h}; empty when the conversation or its contact is gone. */
    static Optional<EndedFacts> read(Handle h, ConversationStore conversations, ContactStore contacts,
            TimelineStore timeline, String conversationId, Instant endedAt) {
        Optional<Conversation> conversation = conversations.find(h, conversationId);
        Optional<Contact> contact = conversation.flatMap(c -> contacts.find(h, c.contactId()));
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> lastBot = Optional.empty();
        Optional<String> endReason = Optional.empty();
        boolean human = false;
        long after = 0;
        while (true) {
            List<TimelineItem> page = timeline.after(h, conversationId, after, PAGE, false);
            for (TimelineItem item : page) {
                if (item.author().type() == Author.Type.BOT) {
                    lastBot = item.author().id();
                }
                boolean ended = item.packet() instanceof StatePacket.ConversationEnded;
                human |= item.author().type() == Author.Type.OPERATOR && !ended;
                if (item.packet() instanceof StatePacket.ConversationEnded end) {
                    endReason = Optional.of(end.reason()).filter(reason -> !reason.isEmpty());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        Optional<String> bot = lastBot;
        Optional<String> flowId = bot.flatMap(b -> flowRun(h, conversationId, b));
        return Optional.of(new EndedFacts(conversation.get(), contact.get(), lastBot, flowId, human, endReason,
                endedAt));
    }

    /** The id of the flow the bot's last session in the conversation ran (its stored flow state), if any. */
    private static Optional<String> flowRun(Handle h, String conversationId, String botId) {
        return h.createQuery("""
                SELECT context FROM bot_sessions WHERE conversation_id = :c AND bot_id = :b
                ORDER BY started_at DESC LIMIT 1""")
                .bind("c", conversationId).bind("b", botId).mapTo(String.class).findOne()
                .map(context -> Json.parseStored(context).path("flow").path("id"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** {@code human} when an operator wrote, else {@code bot} when a bot did, else {@code none}. */
    String handledBy() {
        return humanWrote ? "human" : lastBot.isPresent() ? "bot" : "none";
    }
}
