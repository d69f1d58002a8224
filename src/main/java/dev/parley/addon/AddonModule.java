package dev.parley.addon;

import dev.parley.webhook.WebhookClient;
import dev.parley.config.AddonConfig;
import dev.parley.config.SmtpConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.outbox.Outbox;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Wires dispatches: the service bots' {@code addon_dispatch} and {@code email_dispatch} go through,
 * and the outbox handlers that run add-ons and send transcript e-mails after a conversation ended.
 */
public final class AddonModule {
    private final DispatchService dispatches;

    /**
     * The shared pieces the feature needs, the {@code addons} and {@code smtp} configuration, and what the
     * Braze feature does when a conversation ends.
     */
    public record Deps(Database db, Clock clock, Ids ids, WorkspaceStore workspace, ConversationStore conversations,
            ContactStore contacts, TimelineStore timeline, Outbox outbox, List<AddonConfig> addons,
            Optional<SmtpConfig> smtp, AfterConversation after) {}

    /** Registers the {@code addon} and {@code email} outbox handlers; call before the outbox starts. */
    public AddonModule(Deps d) {
        DispatchStore store = new DispatchStore();
        EndedConversations ended = new EndedConversations(d.workspace(), d.conversations(), d.contacts(),
                d.timeline());
        d.outbox().register(new DispatchHandler(d.db(), d.clock(), store, ended,
                new AddonRunner(d.clock(), d.addons(), new WebhookClient())));
        d.outbox().register(new DispatchHandler(d.db(), d.clock(), store, ended,
                new TranscriptMailer(d.db(), d.workspace(), d.smtp())));
        this.dispatches = new DispatchService(d.clock(), d.ids(), d.addons(), d.smtp(), d.workspace(),
                d.conversations(), d.contacts(), d.timeline(), store, d.outbox(), d.after());
    }

    public DispatchService dispatches() {
        return dispatches;
    }
}
