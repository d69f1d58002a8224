package dev.parley.app;

import dev.parley.addon.AddonModule;
import dev.parley.campaign.CampaignStore;
import dev.parley.campaign.Campaigns;
import dev.parley.campaign.KeywordConfirmations;
import dev.parley.campaign.UnsubscribeKeyword;
import dev.parley.channel.ChannelOutreach;
import dev.parley.channel.ChannelRegistry;
import dev.parley.channel.OutreachReplies;
import dev.parley.braze.BrazeActions;
import dev.parley.braze.BrazeModule;
import dev.parley.braze.Outreach;
import dev.parley.config.BrazeConfig;
import dev.parley.config.EnvironmentConfig;
import dev.parley.channel.ChannelModule;
import dev.parley.channel.ChoiceTokens;
import dev.parley.channel.OutboundQueue;
import dev.parley.chatbot.ChatbotModule;
import dev.parley.cluster.NodeResources;
import dev.parley.cluster.WorkspaceChanges;
import dev.parley.cluster.Readiness;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.action.FlowActions;
import dev.parley.flow.engine.FlowAdmin;
import dev.parley.flow.engine.FlowModule;
import dev.parley.config.ParleyConfig;
import dev.parley.config.SecurityConfig;
import dev.parley.config.WidgetConfig;
import dev.parley.limit.ContactLimits;
import dev.parley.limit.Limiters;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.ContactWrites;
import dev.parley.conversation.ConversationOpener;
import dev.parley.conversation.ProactiveConversations;
import dev.parley.conversation.RedisFanout;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.IdentitySecrets;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.MediaQuota;
import dev.parley.conversation.PageTagService;
import dev.parley.conversation.TimelineStore;
import dev.parley.conversation.Transcripts;
import dev.parley.offline.OfflineReplies;
import dev.parley.offline.OfflineReplyMailer;
import dev.parley.offline.VisitorPresence;
import dev.parley.conversation.VisitorService;
import dev.parley.media.MediaService;
import dev.parley.privacy.PrivacyService;
import dev.parley.privacy.RetentionJob;
import dev.parley.operator.AdminService;
import dev.parley.operator.CannedResponses;
import dev.parley.operator.ConversationQueries;
import dev.parley.conversation.NoteStore;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorService;
import dev.parley.operator.Presence;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.metrics.StateGauges;
import dev.parley.outbox.Outbox;
import dev.parley.routing.Router;
import dev.parley.routing.WorkspaceApplier;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One running Parley: database, workspace, outbox workers and the web server. */
public final class Parley implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Parley.class);
    private static final java.time.Duration FLOW_WATCH_INTERVAL = java.time.Duration.ofSeconds(1);
    private final Database db;
    private final Outbox outbox;
    private final WebServer web;
    private final ChatbotModule chatbot;
    private final BrazeModule braze;

    private final FlowModule flows;
    private final RetentionJob retention;
    private final List<String> disabled;
    private final ParleyMetrics metrics;
    private final NodeResources node;
    private final ConversationOpener opener;
    private final ChannelModule channels;

    private Parley(Database db, Outbox outbox, WebServer web, ChatbotModule chatbot, BrazeModule braze,
            FlowModule flows, RetentionJob retention, List<String> disabled, ParleyMetrics metrics,
            NodeResources node, ConversationOpener opener, ChannelModule channels) {
        this.opener = opener;
        this.channels = channels;
        this.node = node;
        this.disabled = List.copyOf(disabled);
        this.db = db;
        this.retention = retention;
        this.outbox = outbox;
        this.web = web;
        this.chatbot = chatbot;
        this.flows = flows;
        this.braze = braze;
        this.metrics = metrics;
    }

    /** Opens the database (migrating it), applies the workspace, starts workers and the server. */
    public static Parley start(ServerSettings settings, ParleyConfig config) {
        return start(settings, config, Clock.systemUTC(), Ids.random());
    }

    public static Parley start(ServerSettings settings, ParleyConfig config, Clock clock, Ids ids) {
        PortCheck.requireFree(settings.host(), settings.port());
        NodeResources node = NodeResources.open(Databases.url(settings), settings.dataDir(), settings.redis());
        // before the database: its statement counters join the registry /metrics reads as they are made
        ParleyMetrics metrics = ParleyMetrics.start(settings.metricsToken());
        Database db;
        try {
            db = Database.open(Databases.url(settings));
        } catch (RuntimeException e) {
            metrics.close();
            node.close();
            throw e;
        }
        try {
            Limiters limiters = node.limiters(clock);
            List<String> disabled = new WorkspaceApplier(db).apply(config);
            if (!disabled.isEmpty()) {
                LOG.warn("Disabled, as the workspace file no longer names them: {} (objects made in the console are"
                        + " left as they are)", String.join(", ", disabled));
            }
            LiveHub hub = new LiveHub();
            WorkspaceStore workspace = new WorkspaceStore();
            ConversationStore conversations = new ConversationStore(hub);
            ContactStore contacts = new ContactStore();
            Outbox outbox = new Outbox(db, clock, ids, node.drainers());
            ChoiceTokens choiceTokens = new ChoiceTokens(ids, clock);
            TimelineStore timeline = new TimelineStore(clock, ids, hub, new OutboundQueue(outbox, choiceTokens));
            String nodeId = ids.next("node");
            node.redis().ifPresent(redis -> {
                RedisFanout.start(redis, hub, db, timeline, conversations, nodeId);
                WorkspaceChanges.share(redis, workspace, nodeId);
            });
            Router router = new Router(workspace, clock);
            NoteStore notes = new NoteStore(clock, ids);
            MediaService media = new MediaService(db, clock, settings.dataDir(), settings.media(),
                    config.publicBaseUrl());
            BrazeModule braze = new BrazeModule(new BrazeModule.Deps(db, clock, ids, outbox, conversations, contacts,
                    timeline, config));
            AddonModule addons = new AddonModule(new AddonModule.Deps(db, clock, ids, workspace, conversations, contacts,
                    timeline, outbox, config.addons(), config.smtp(), braze.afterConversation()));
            FlowActions actions = new FlowActions(ActionNodes.load(settings.pluginsDir(),
                    ActionNodes.BuiltIns.of(config.smtp(), settings.media())),
                    new BrazeActions(braze.writer(), braze.reader()).callers());
            FlowModule flows = new FlowModule(new FlowModule.Deps(db, clock, timeline, config.bots(),
                    new FlowLoader(actions.parameters()), actions, config.environment(),
                    config.activeEnvironment().map(EnvironmentConfig::params).orElse(Map.of())));
            Campaigns campaigns = new Campaigns(clock);
            ChatbotModule chatbot = new ChatbotModule(new ChatbotModule.Deps(db, clock, ids, workspace, router,
                    conversations, contacts, timeline, notes, hub, outbox, config.publicBaseUrl(), addons.dispatches(),
                    media, flows.bots(), config.widgets(), limiters, campaigns));
            db.bindMetrics(metrics.registry());
            StateGauges.bind(metrics, clock, new StateGauges.Sources(outbox, chatbot::activeSessions,
                    braze.deadLetters()::openCount, hub::listeners));
            IdentitySecrets identities = IdentitySecrets.of(config.widgets());
            SecurityConfig security = config.security();
            MediaQuota mediaQuota = new MediaQuota(security.limits().mediaPerConversation());
            ConversationOpener opener = new ConversationOpener(ids, conversations, timeline, chatbot.hooks(),
                    braze.pageTags(), mediaQuota);
            AtomicReference<ChannelRegistry> served = new AtomicReference<>();
            KeywordConfirmations confirmations = new KeywordConfirmations(outbox, served::get);
            outbox.register(confirmations);
            ContactWrites contactWrites = new ContactWrites(timeline, chatbot.hooks(), mediaQuota);
            ChannelModule channels = new ChannelModule(new ChannelModule.Deps(db, clock, ids, outbox, config.channels(),
                    media, workspace, contacts, conversations, timeline, chatbot.hooks(), opener, mediaQuota,
                    choiceTokens, List.of(new UnsubscribeKeyword(campaigns, contactWrites, timeline,
                            chatbot.hooks(), confirmations), new OutreachReplies(contactWrites, chatbot.hooks())),
                    System.getenv(), config.publicBaseUrl(), (tx, contact, channel) ->
                            campaigns.set(tx, contact, channel, false, CampaignStore.Source.CARRIER)));
            served.set(channels.registry());
            ContactService contactService = new ContactService(db, clock, ids, workspace, contacts, conversations,
                    timeline, chatbot.hooks(), opener, mediaQuota);
            VisitorPresence visitorPresence = new VisitorPresence(db, clock, VisitorPresence.PERIOD);
            OfflineReplies offline = new OfflineReplies(db, workspace, contacts, outbox, config.smtp().map(smtp ->
                    new OfflineReplyMailer(db, workspace, conversations, contacts, timeline, visitorPresence, smtp,
                            WidgetConfig.locales(config.widgets()))));
            WebServer web = WebServer.start(settings.host(), settings.port(), security.server(),
                    new WebServer.Services(db,
                    contactService, new PageTagService(db, clock, contacts, conversations, timeline,
                            braze.pageTags()),
                    new Transcripts(db, timeline, hub), timeline, hub, chatbot.api(),
                    new OperatorAuth(db, clock, workspace, security.auth(), limiters),
                    new OperatorService(db, workspace, conversations, timeline, router, chatbot, notes,
                            addons.dispatches(), offline),
                    new ConversationQueries(db, conversations, contacts, timeline, notes, campaigns),
                    new AdminService(db, workspace, chatbot, conversations, timeline, config), media,
                    braze.deadLetters(), new FlowAdmin(flows, contactService, db, workspace),
                    new Outreach(db, clock, workspace, new ProactiveConversations(clock, ids, workspace, contacts,
                            opener, identities), new ChannelOutreach(clock, ids, config.channels(), workspace,
                            contacts, opener, campaigns), flows.flowOfBot(), config.activeEnvironment()
                            .flatMap(EnvironmentConfig::braze).flatMap(BrazeConfig::outreachToken),
                            config.environment()),
                    new VisitorService(db, clock, ids, workspace, contacts, conversations, identities, hub),
                    new ContactLimits(security.limits(), limiters),
                    new PrivacyService(db, clock, ids, media),
                    metrics, new Readiness(db, node.redis()), WidgetConfig.locales(config.widgets()),
                    new Presence(db, clock, security.auth().awayAfter()), new CannedResponses(db, clock, ids, workspace),
                    visitorPresence, offline, channels.inbound()));
            hub.subscribeRaisedSignals(channels.typing());
            outbox.start(settings.outboxPollInterval());
            channels.registerWebhooks();
            chatbot.startTimers(settings.outboxPollInterval());
            flows.watch(FLOW_WATCH_INTERVAL);
            RetentionJob retention = new RetentionJob(db, clock, ids, media, config.retention());
            retention.start();
            return new Parley(db, outbox, web, chatbot, braze, flows, retention, disabled, metrics, node, opener,
                    channels);
        } catch (RuntimeException e) {
            metrics.close();
            db.close();
            node.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    /** The operators, bots and widgets this start disabled because the workspace file no longer names them. */
    public List<String> disabledObjects() {
        return disabled;
    }

    public Database database() {
        return db;
    }

    /** The daily job that applies {@code retention:}. */
    public RetentionJob retention() {
        return retention;
    }

    /** How every channel opens a conversation. */
    public ConversationOpener opener() {
        return opener;
    }

    /** The messaging channels served, and their inbound pipeline. */
    public ChannelModule channels() {
        return channels;
    }

    /** The durable queue of effects; tests wait on {@link Outbox#drained()}. */
    public Outbox outbox() {
        return outbox;
    }

    /** The Braze writer and reader of the selected environment. */
    public BrazeModule braze() {
        return braze;
    }

    @Override
    public void close() {
        web.close();
        retention.close();
        chatbot.stopTimers();
        flows.close();
        outbox.close();
        metrics.close();
        db.close();
        node.close();
    }
}
