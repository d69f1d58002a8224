package dev.parley.channel;

import dev.parley.channel.store.ChannelActivity;
import dev.parley.channel.store.ChannelStore;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationOpener;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.MediaQuota;
import dev.parley.conversation.TimelineStore;
import dev.parley.media.MediaService;
import dev.parley.outbox.Outbox;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Messaging channels served: the registry of configured channels, the inbound pipeline their webhooks go through,
 * and the sender that delivers what {@link OutboundQueue} queued (registered on the outbox here).
 */
public final class ChannelModule {

    /** What the module is built from. */
    public record Deps(Database db, Clock clock, Ids ids, Outbox outbox, List<ChannelConfig> channels,
            MediaService media, WorkspaceStore workspace, ContactStore contacts, ConversationStore conversations,
            TimelineStore timeline, ConversationHooks hooks, ConversationOpener opener, MediaQuota quota,
            ChoiceTokens tokens, List<InboundStep> steps, Map<String, String> env, String publicBaseUrl,
            CarrierOptOuts optOuts) {}

    private final ChannelRegistry registry;
    private final InboundPipeline inbound;
    private final ChannelRecords store = new ChannelRecords();

    public ChannelModule(Deps d) {
        this.registry = new ChannelRegistry(new ChannelStore(d.db()), d.channels(), d.env(), new ChannelMedia(d.media()),
                d.publicBaseUrl());
        ChannelActivity activity = new ChannelActivity(d.db(), d.clock());
        ChannelConversations conversations = new ChannelConversations(d.ids(), store, d.workspace(), d.contacts(),
                d.conversations(), d.timeline(), d.hooks(), d.opener(), d.quota());
        this.inbound = new InboundPipeline(d.db(), d.clock(), registry, store, conversations,
                new ChoiceAnswers(d.tokens(), d.timeline()), new DeliveryReports(store, d.timeline()), d.steps(), activity);
        d.outbox().register(new ChannelSender(d.db(), d.clock(), registry, store, d.timeline(), activity,
                d.outbox(), d.optOuts()));
    }

    public ChannelRegistry registry() {
        return registry;
    }

    public InboundPipeline inbound() {
        return inbound;
    }
}
