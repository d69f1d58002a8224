package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BrazePageTags;
import dev.parley.config.WidgetConfig;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.PageTagHook;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a widget's web page tags to Braze as custom events (spec §4.5, the widget's
 * {@code braze.page_tags}). Each tag is stored in the transaction that keeps it on the contact, and handed
 * to the {@link BrazeWriter} — removed in that same transaction, so it goes once — as soon as the contact
 * has an identifier: at once, at a later tag, or at the latest when the conversation ends; what cannot
 * be sent by then is dropped, with the reason logged.
 */
final class PageTagForwarding implements PageTagHook {
    private static final Logger log = LoggerFactory.getLogger(PageTagForwarding.class);

    private final BrazeWriter writer;
    private final Ids ids;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final PageTagStore store;
    private final Map<String, BrazePageTags> rules;

    PageTagForwarding(BrazeWriter writer, Ids ids, ConversationStore conversations, ContactStore contacts,
            PageTagStore store, List<WidgetConfig> widgets) {
        this.writer = writer;
        this.ids = ids;
        this.conversations = conversations;
        this.contacts = contacts;
        this.store = store;
        this.rules = widgets.stream().filter(w -> w.brazePageTags().isPresent())
                .collect(Collectors.toMap(WidgetConfig::id, w -> w.brazePageTags().orElseThrow()));
    }

    @Override
    public void tagged(Tx tx, Conversation conversation, Contact contact, Map<String, ObjectNode> tags, Instant at) {
        BrazePageTags rule = rules.get(conversation.widgetId());
        if (rule == null || !writer.configured()) {
            return;
        }
        List<String> chosen = tags.keySet().stream().filter(rule::sends).toList();
        chosen.forEach(tag -> store.insert(tx, ids.next("bpt"), conversation.id(), tag, tags.get(tag), at));
        if (!chosen.isEmpty()) {
            forward(tx, conversation.id(), contact, rule, conversation.status() == ConversationStatus.ENDED);
        }
    }

    /** The conversation has ended: its waiting tags are sent, or dropped with the reason logged. */
    void conversationEnded(Tx tx, String conversationId) {
        if (rules.isEmpty()) {
            return;
        }
        conversations.find(tx.handle(), conversationId).ifPresent(conversation -> {
            Optional<BrazePageTags> rule = Optional.ofNullable(rules.get(conversation.widgetId()));
            Optional<Contact> contact = contacts.find(tx.handle(), conversation.contactId());
            if (rule.isPresent() && contact.isPresent()) {
                forward(tx, conversationId, contact.get(), rule.get(), true);
            } else {
                drop(tx, conversationId, store.waiting(tx.handle(), conversationId), "widget '"
                        + conversation.widgetId() + "' no longer sends page tags to Braze");
            }
        });
    }

    /**
     * Hands the conversation's waiting tags to the writer when the contact can be named; otherwise they
     * keep waiting, unless this is the {@code last} chance.
     */
    private void forward(Tx tx, String conversationId, Contact contact, BrazePageTags rule, boolean last) {
        List<PageTagStore.Waiting> waiting = store.waiting(tx.handle(), conversationId);
        if (waiting.isEmpty()) {
            return;
        }
        Optional<ObjectNode> identifier = writer.name(tx, contact, rule.identifyBy());
        if (identifier.isEmpty()) {
            if (last) {
                drop(tx, conversationId, waiting, ContactAttributes.noIdentifier(rule.identifyBy()));
            }
            return;
        }
        store.delete(tx, waiting);
        List<JsonNode> events = waiting.stream().<JsonNode>map(tag -> event(tag, rule, identifier.get())).toList();
        switch (writer.track(tx, Optional.of(conversationId), BrazeUpdate.ofEvents(events))) {
            case TrackOutcome.Queued q -> q.refused().forEach(r -> log.info(
                    "page tag '{}' of conversation {} not sent to Braze: {}", waiting.get(r.index()).tag(),
                    conversationId, r.describe()));
            case TrackOutcome.NotConfigured n -> logUnsent(conversationId, waiting, n.reason());
        }
    }

    private void drop(Tx tx, String conversationId, List<PageTagStore.Waiting> waiting, String reason) {
        store.delete(tx, waiting);
        logUnsent(conversationId, waiting, reason);
    }

    private static void logUnsent(String conversationId, List<PageTagStore.Waiting> waiting, String reason) {
        if (!waiting.isEmpty()) {
            log.info("{} page tag(s) of conversation {} not sent to Braze: {}", waiting.size(), conversationId,
                    reason);
        }
    }

    private static ObjectNode event(PageTagStore.Waiting tag, BrazePageTags rule, ObjectNode identifier) {
        ObjectNode properties = tag.properties().deepCopy();
        rule.event().ifPresent(name -> properties.put("tag", tag.tag()));
        ObjectNode event = identifier.deepCopy().put("name", rule.event().orElse(tag.tag()))
                .put("time", BrazeWriter.iso(tag.at()));
        event.set("properties", properties);
        return event;
    }
}
