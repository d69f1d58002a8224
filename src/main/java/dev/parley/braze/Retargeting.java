package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.addon.AfterConversation;
import dev.parley.config.AddonConfig;
import dev.parley.config.BotConfig;
import dev.parley.config.BrazeRetargeting;
import dev.parley.config.WidgetConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what a conversation taught to Braze when it ends (spec §4.3): a custom event with
 * {@code topic}, {@code outcome}, {@code flow}, {@code channel}, {@code duration_s} and
 * {@code handled_by}, and the contact's attributes the rule names. The rule is the last bot's that
 * wrote in the conversation, else the widget's; an add-on of type braze applies its own on demand. The
 * conversation's page tags still waiting for Braze go first (see {@link PageTagForwarding}).
 */
final class Retargeting implements AfterConversation {
    private static final Logger log = LoggerFactory.getLogger(Retargeting.class);

    private final BrazeWriter writer;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;
    private final Map<String, BotConfig> bots;
    private final Map<String, WidgetConfig> widgets;
    private final PageTagForwarding pageTags;

    Retargeting(BrazeWriter writer, ConversationStore conversations, ContactStore contacts, TimelineStore timeline,
            List<BotConfig> bots, List<WidgetConfig> widgets, PageTagForwarding pageTags) {
        this.writer = writer;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
        this.bots = bots.stream().collect(Collectors.toMap(BotConfig::id, Function.identity()));
        this.widgets = widgets.stream().collect(Collectors.toMap(WidgetConfig::id, Function.identity()));
        this.pageTags = pageTags;
    }

    @Override
    public void conversationEnded(Tx tx, String conversationId, Instant endedAt) {
        pageTags.conversationEnded(tx, conversationId);
        if (bots.values().stream().allMatch(b -> b.braze().isEmpty())
                && widgets.values().stream().allMatch(w -> w.braze().isEmpty())) {
            return;
        }
        facts(tx, conversationId, endedAt).ifPresent(facts -> {
            Optional<BrazeRetargeting> rule = facts.lastBot().map(bots::get).flatMap(BotConfig::braze)
                    .or(() -> Optional.ofNullable(widgets.get(facts.conversation().widgetId()))
                            .flatMap(WidgetConfig::braze));
            rule.flatMap(r -> send(tx, facts, r)).ifPresent(reason -> log.info(
                    "nothing sent to Braze after conversation {}: {}", conversationId, reason));
        });
    }

    @Override
    public Optional<String> runBrazeAddon(Tx tx, String conversationId, AddonConfig.Braze addon, Instant endedAt) {
        return facts(tx, conversationId, endedAt).map(facts -> send(tx, facts, addon.rule()))
                .orElse(Optional.of("the conversation no longer exists"));
    }

    private Optional<EndedFacts> facts(Tx tx, String conversationId, Instant endedAt) {
        return EndedFacts.read(tx.handle(), conversations, contacts, timeline, conversationId, endedAt);
    }

    /** Stores the event and attributes with the writer; returns why not, if nothing could be sent. */
    private Optional<String> send(Tx tx, EndedFacts facts, BrazeRetargeting rule) {
        Optional<ObjectNode> identifier = writer.name(tx, facts.contact(), rule.identifyBy());
        if (identifier.isEmpty()) {
            return Optional.of(ContactAttributes.noIdentifier(rule.identifyBy()));
        }
        ObjectNode event = identifier.get().deepCopy().put("name", rule.event())
                .put("time", BrazeWriter.iso(facts.endedAt()));
        event.set("properties", properties(facts));
        ObjectNode attributes = identifier.get().deepCopy();
        for (String name : rule.attributes()) {
            if (!identifier.get().has(name)) {
                ContactAttributes.value(facts.contact(), name).ifPresent(value -> attributes.set(name, value));
            }
        }
        List<JsonNode> attributeObjects = attributes.size() > identifier.get().size() ? List.of(attributes) : List.of();
        return switch (writer.track(tx, Optional.of(facts.conversation().id()),
                new BrazeUpdate(attributeObjects, List.of(event), List.of()))) {
            case TrackOutcome.Queued q when q.complete() -> Optional.empty();
            case TrackOutcome.Queued q -> Optional.of(q.refused().stream().map(TrackOutcome.Refusal::describe)
                    .collect(Collectors.joining("; ")));
            case TrackOutcome.NotConfigured n -> Optional.of(n.reason());
        };
    }

    private ObjectNode properties(EndedFacts facts) {
        ObjectNode p = Json.object();
        JsonNode topics = facts.conversation().topics();
        Optional<String> topic = topics.isArray() && !topics.isEmpty() ? Optional.of(topics.get(0).asText())
                : facts.conversation().subject();
        topic.ifPresent(t -> p.put("topic", t));
        facts.endReason().ifPresent(r -> p.put("outcome", r));
        facts.flowId().ifPresent(f -> p.put("flow", f));
        p.put("channel", facts.conversation().channelType());
        p.put("duration_s", Math.max(0, Duration.between(facts.conversation().createdAt(), facts.endedAt())
                .toSeconds()));
        p.put("handled_by", facts.handledBy());
        return p;
    }
}
