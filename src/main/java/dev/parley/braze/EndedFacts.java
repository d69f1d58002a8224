package dev.parley.braze;

import dev.parley.conversation.Author;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What retargeting needs to know about an ending conversation: its state, its contact, the last bot that
 * wrote in it, whether a human did, and why it ended.
 */
record EndedFacts(Conversation conversation, Contact contact, Optional<String> lastBot, boolean humanWrote,
        Optional<String> endReason, Instant endedAt) {

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
                human |= item.author().type() == Author.Type.OPERATOR
                        && !item.packet().name().equals("conversation_ended");
                if (item.packet().name().equals("conversation_ended")) {
                    endReason = Optional.of(item.packet().payload().path("reason").asText(""))
                            .filter(reason -> !reason.isEmpty());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        return Optional.of(new EndedFacts(conversation.get(), contact.get(), lastBot, human, endReason, endedAt));
    }

    /** {@code human} when an operator wrote, else {@code bot} when a bot did, else {@code none}. */
    String handledBy() {
        return humanWrote ? "human" : lastBot.isPresent() ? "bot" : "none";
    }
}
