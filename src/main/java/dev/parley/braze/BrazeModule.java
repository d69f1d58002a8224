package dev.parley.braze;

import dev.parley.addon.AfterConversation;
import dev.parley.config.BrazeConfig;
import dev.parley.config.EnvironmentConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.PageTagHook;
import dev.parley.conversation.TimelineStore;
import dev.parley.outbox.Outbox;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires the Braze integration for the selected environment: the {@link BrazeWriter} (batched
 * {@code /users/track} through the outbox), the {@link BrazeReader} ({@code /users/export/ids}), the
 * dead letters admins see, what is sent when a conversation ends, and the widgets' page tags. Without a
 * Braze account in the selected environment, the writer and reader answer that Braze is not configured.
 */
public final class BrazeModule {
    /** How long one call to Braze may take. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final BrazeWriter writer;
    private final BrazeReader reader;
    private final BrazeDeadLetters deadLetters;
    private final Retargeting retargeting;
    private final PageTagForwarding pageTags;

    /** The shared pieces the feature needs, and the workspace configuration. */
    public record Deps(Database db, Clock clock, Ids ids, Outbox outbox, ConversationStore conversations,
            ContactStore contacts, TimelineStore timeline, ParleyConfig config) {}

    /** Registers the {@code braze} outbox lane's handler; call before the outbox starts. */
    public BrazeModule(Deps d) {
        this(d, REQUEST_TIMEOUT);
    }

    BrazeModule(Deps d, Duration requestTimeout) {
        Optional<BrazeConfig> braze = d.config().activeEnvironment().flatMap(EnvironmentConfig::braze);
        Optional<BrazeClient> client = braze.map(b -> new BrazeClient(b.url(), b.apiKey(), requestTimeout));
        BrazeStore store = new BrazeStore();
        DeadLetterStore deadLetterStore = new DeadLetterStore();
        AlertStore alertStore = new AlertStore();
        BrazeAliases aliases = new BrazeAliases(d.clock());
        AttributeDeltas deltas = new AttributeDeltas(store, braze.map(BrazeConfig::deltaMemory)
                .orElse(BrazeConfig.DEFAULT_DELTA_MEMORY));
        Batcher batcher = new Batcher(store, d.ids(), braze.map(BrazeConfig::batchSize)
                .orElse(BrazeConfig.MAX_BATCH_SIZE), braze.map(BrazeConfig::batchLimitMode)
                .orElse(BrazeConfig.BatchLimitMode.COMBINED), braze.flatMap(BrazeConfig::partner), deltas);
        d.outbox().register(new BrazeSender(d.db(), d.clock(), d.outbox(), store, batcher, client,
                new AnswerRecorder(d.db(), d.clock(), d.ids(), store, deadLetterStore, alertStore, deltas,
                        braze.map(BrazeConfig::maxAttempts).orElse(BrazeConfig.DEFAULT_MAX_ATTEMPTS)),
                client.map(c -> new AliasMerger(d.db(), d.clock(), aliases, c))));
        this.writer = new BrazeWriter(d.clock(), d.ids(), braze, d.outbox(), store, aliases,
                (h, conversationId) -> d.conversations().find(h, conversationId)
                        .flatMap(c -> d.contacts().find(h, c.contactId())));
        this.reader = new BrazeReader(client, deltas, d.clock(), new ExportPace(braze.map(BrazeConfig::exportsPerMinute)
                .orElse(BrazeConfig.DEFAULT_EXPORTS_PER_MINUTE), d.clock()));
        this.deadLetters = new BrazeDeadLetters(d.db(), d.clock(), deadLetterStore, alertStore, writer);
        this.pageTags = new PageTagForwarding(writer, d.ids(), d.conversations(), d.contacts(), new PageTagStore(),
                d.config().widgets());
        this.retargeting = new Retargeting(writer, d.conversations(), d.contacts(), d.timeline(), d.config().bots(),
                d.config().widgets(), pageTags);
        if (client.isPresent()) {
            resumeLeftovers(d, store, alertStore);
        }
    }

    /**
     * Sends what a previous run left pending, even if its queued run was lost; a sender paused for a
     * refused key tries again at once, as the restart may have brought a new key.
     */
    private static void resumeLeftovers(Deps d, BrazeStore store, AlertStore alerts) {
        d.db().useWrite(tx -> {
            if (alerts.isRaised(tx.handle(), BrazeAlert.AUTH)) {
                store.openRequest(tx.handle()).ifPresent(r -> store.retryLater(tx, r.id(), d.clock().instant(),
                        "retried at start-up after the key was refused"));
            }
            if (store.countPending(tx.handle()) > 0 || store.openRequest(tx.handle()).isPresent()) {
                store.resetWake(tx);
                store.bumpWake(tx);
                BrazeSender.queue(d.outbox(), tx, d.clock().instant());
            }
        });
    }

    /** Sends users' attributes, events and purchases (flows' {@code braze.track}). */
    public BrazeWriter writer() {
        return writer;
    }

    /** Looks users up (flows' {@code braze.profile}). */
    public BrazeReader reader() {
        return reader;
    }

    /** What admins see of refused objects, and re-sending them. */
    public BrazeDeadLetters deadLetters() {
        return deadLetters;
    }

    /** What happens in the transaction that stores a contact's page tags: the widget's Braze forwarding. */
    public PageTagHook pageTags() {
        return pageTags;
    }

    /** What happens in the transaction that ends a conversation; handed to the add-on feature. */
    public AfterConversation afterConversation() {
        return retargeting;
    }
}
