package dev.parley.channel;

import dev.parley.channel.store.ChannelActivity;
import dev.parley.channel.store.ChannelStore;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationOpener;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messaging channels served: the registry of configured channels, the inbound pipeline their webhooks go through,
 * and the sender that delivers what {@link OutboundQueue} queued (registered on the outbox here).
 */
public final class ChannelModule {
    private static final Logger log = LoggerFactory.getLogger(ChannelModule.class);

    /** What the module is built from. */
    public record Deps(Database db, Clock clock, Ids ids, Outbox outbox, List<ChannelConfig> channels,
            MediaService media, WorkspaceStore workspace, ContactStore contacts, ConversationStore conversations,
            TimelineStore timeline, ConversationHooks hooks, ConversationOpener opener, MediaQuota quota,
            ChoiceTokens tokens, List<InboundStep> steps, Map<String, String> env, String publicBaseUrl,
            CarrierOptOuts optOuts) {}

    private final ChannelRegistry registry;
    private final InboundPipeline inbound;
    private final ChannelRecords store = new ChannelRecords();
    private final ChannelActivity activity;
    private final ChannelTyping typing;
    private final String publicBaseUrl;

    public ChannelModule(Deps d) {
        this.registry = new ChannelRegistry(new ChannelStore(d.db()), d.channels(), d.env(), new ChannelMedia(d.media()),
                d.publicBaseUrl());
        this.activity = new ChannelActivity(d.db(), d.clock());
        this.typing = new ChannelTyping(d.db(), d.clock(), registry, store, d.outbox());
        d.outbox().register(typing);
        this.publicBaseUrl = d.publicBaseUrl();
        ChannelConversations conversations = new ChannelConversations(d.ids(), store, d.workspace(), d.contacts(),
                d.conversations(), d.timeline(), d.hooks(), d.opener(), d.quota());
        this.inbound = new InboundPipeline(d.db(), d.clock(), registry, store, conversations,
                new ChoiceAnswers(d.tokens(), d.timeline()), new DeliveryReports(store, d.timeline()), d.steps(), activity);
        d.outbox().register(new ChannelSender(d.db(), d.clock(), registry, store, d.timeline(), activity,
                d.outbox(), typing::sending, d.optOuts()));
    }

    /**
     * Tells the vendors of the channels that register their webhook themselves (Telegram with {@code
     * register_webhook: true}) where it is, in the background; a failure is logged and shown as the channel's last
     * error.
     */
    public void registerWebhooks() {
        Thread.ofVirtual().name("channel-webhooks").start(() -> registry.served().forEach(this::register));
    }

    private void register(ServedChannel channel) {
        String url = publicBaseUrl.replaceAll("/+$", "") + "/channels/" + channel.id() + "/webhook";
        switch (channel.adapter().register(url)) {
            case Registration.NotAsked notAsked -> { }
            case Registration.Registered registered -> log.info("channel {}: webhook registered as {}",
                    channel.id(), registered.webhookUrl());
            case Registration.Failed failed -> {
                log.warn("channel {}: webhook not registered: {}", channel.id(), failed.reason());
                activity.recordError(channel.id(), "the webhook was not registered: " + failed.reason());
            }
        }
    }

    /** Shows the typing signals raised on this node through the conversations' channels. */
    public LiveHub.SignalListener typing() {
        return typing;
    }

    public ChannelRegistry registry() {
        return registry;
    }

    public InboundPipeline inbound() {
        return inbound;
    }
}
