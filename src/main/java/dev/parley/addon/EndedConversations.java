package dev.parley.addon;

import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads an ended conversation with its whole transcript (what the contact saw). */
final class EndedConversations {
    private static final int PAGE = 500;

    private final WorkspaceStore workspace;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;

    EndedConversations(WorkspaceStore workspace, ConversationStore conversations, ContactStore contacts,
            TimelineStore timeline) {
        this.workspace = workspace;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
    }

    Optional<EndedConversation> read(Handle h, String conversationId, Instant endedAt) {
        return conversations.find(h, conversationId).flatMap(conv -> contacts.find(h, conv.contactId()).map(contact ->
                new EndedConversation(conv, contact, workspace.widget(h, conv.widgetId()).map(Widget::name)
                        .orElse(conv.widgetId()), endedAt, transcript(h, conversationId))));
    }

    private List<TimelineItem> transcript(Handle h, String conversationId) {
        List<TimelineItem> items = new ArrayList<>();
        while (true) {
            long after = items.isEmpty() ? 0 : items.getLast().seq();
            List<TimelineItem> page = timeline.after(h, conversationId, after, PAGE, true);
            items.addAll(page);
            if (page.size() < PAGE) {
                return items;
            }
        }
    }
}
