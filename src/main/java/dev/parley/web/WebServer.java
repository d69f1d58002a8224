package dev.parley.web;

import dev.parley.braze.BrazeDeadLetters;
import dev.parley.braze.Outreach;
import dev.parley.channel.InboundPipeline;
import dev.parley.chatbot.ChatbotApi;
import dev.parley.cluster.Readiness;
import dev.parley.config.ServerConfig;
import dev.parley.conversation.ContactService;
import dev.parley.flow.engine.FlowAdmin;
import dev.parley.limit.ContactLimits;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.PageTagService;
import dev.parley.conversation.TimelineStore;
import dev.parley.conversation.Transcripts;
import dev.parley.conversation.VisitorService;
import dev.parley.media.MediaService;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.offline.OfflineReplies;
import dev.parley.offline.VisitorPresence;
import dev.parley.operator.AdminService;
import dev.parley.operator.CannedResponses;
import dev.parley.operator.ConsoleLanguages;
import dev.parley.operator.ConversationCounts;
import dev.parley.operator.ConversationExport;
import dev.parley.operator.ConversationQueries;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorService;
import dev.parley.operator.OperatorStreams;
import dev.parley.operator.OperatorTyping;
import dev.parley.operator.Presence;
import dev.parley.operator.ReadMarks;
import dev.parley.privacy.PrivacyService;
import dev.parley.store.Database;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP and WebSocket server: adapts requests to the feature services. */
public final class WebServer implements AutoCloseable {
    private static final long MAX_REQUEST = 1024 * 1024;

    private final Javalin app;

    /** The services the routes adapt. */
    public record Services(Database db, ContactService contacts, PageTagService pageTags, Transcripts transcripts,
            TimelineStore timeline, LiveHub hub, ChatbotApi chatbotApi, OperatorAuth operatorAuth, OperatorService operators,
            ConversationQueries queries, AdminService admin, MediaService media, BrazeDeadLetters brazeDeadLetters,
            FlowAdmin flows, Outreach outreach, VisitorService visitors, ContactLimits contactLimits,
            PrivacyService privacy, ParleyMetrics metrics, Readiness readiness, Map<String, String> widgetLocales,
            Presence presence, CannedResponses canned, VisitorPresence visitorPresence, OfflineReplies offline,
            InboundPipeline channels) {}

    private final Presence presence;
    private final VisitorPresence visitorPresence;

    private WebServer(Javalin app, Presence presence, VisitorPresence visitorPresence) {
        this.app = app;
        this.presence = presence;
        this.visitorPresence = visitorPresence;
    }

    /** Listens on {@code host:port} with the timeouts of {@code server}. */
    public static WebServer start(String host, int port, ServerConfig server, Services s) {
        ContactRoutes contactRoutes = new ContactRoutes(s.contacts(), s.pageTags(), s.transcripts(),
                s.contactLimits(), s.visitorPresence());
        OfflineRoutes offlineRoutes = new OfflineRoutes(s.contacts(), s.offline(), s.contactLimits());
        VisitorRoutes visitorRoutes = new VisitorRoutes(s.contacts(), s.visitors(), s.contactLimits());
        StreamRoutes streamRoutes = new StreamRoutes(s.contacts(), s.db(), s.timeline(), s.hub(),
                s.visitorPresence());
        ChatbotRoutes chatbotRoutes = new ChatbotRoutes(s.chatbotApi());
        HealthRoutes healthRoutes = new HealthRoutes(s.readiness());
        OperatorRoutes operatorRoutes = new OperatorRoutes(s.operatorAuth(), s.operators(), s.queries(),
                new ReadMarks(s.db(), s.queries()), new ConversationCounts(s.db()), s.presence(),
                new OperatorTyping(s.operators(), s.hub()), new ConsoleLanguages(s.db()));
        AdminRoutes adminRoutes = new AdminRoutes(s.admin(), operatorRoutes::me);
        OperatorMediaRoutes operatorMediaRoutes = new OperatorMediaRoutes(s.operators(), s.media(), operatorRoutes::me);
        CannedRoutes cannedRoutes = new CannedRoutes(s.canned(), operatorRoutes::me);
        ExportRoutes exportRoutes = new ExportRoutes(new ConversationExport(s.db()), operatorRoutes::me);
        MediaRoutes mediaRoutes = new MediaRoutes(s.contacts(), s.media(), s.contactLimits());
        FlowRoutes flowRoutes = new FlowRoutes(s.flows(), operatorRoutes::me);
        BrazeRoutes brazeRoutes = new BrazeRoutes(s.brazeDeadLetters(), operatorRoutes::me);
        PrivacyRoutes privacyRoutes = new PrivacyRoutes(s.privacy(), operatorRoutes::me);
        OutreachRoutes outreachRoutes = new OutreachRoutes(s.outreach());
        WidgetRoutes widgetRoutes = new WidgetRoutes(s.widgetLocales());
        OperatorStreamRoutes operatorStreamRoutes = new OperatorStreamRoutes(s.operatorAuth(),
                new OperatorStreams(s.db(), s.timeline(), s.hub(), s.queries()), s.presence());
        ConsoleRoutes consoleRoutes = new ConsoleRoutes();
        MetricsRoutes metricsRoutes = new MetricsRoutes(s.metrics());
        ChannelWebhookRoutes channelRoutes = new ChannelWebhookRoutes(s.channels());
        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = MAX_REQUEST;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.multipartConfig.maxFileSize(s.media().maxBytes() + MediaRoutes.MULTIPART_OVERHEAD,
                    SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(s.media().maxBytes() + MediaRoutes.MULTIPART_OVERHEAD,
                    SizeUnit.BYTES);
            cfg.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JsonErrorHandler());
                jetty.setHandler(new ReadDeadline(server.readTimeout()));
            });
            cfg.jetty.addConnector((jetty, http) -> {
                if (server.trustForwarded()) {
                    http.addCustomizer(new ForwardedRequestCustomizer());
                }
                ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(server.idleTimeout().toMillis());
                return connector;
            });
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            RequestContext.register(cfg.routes);
            ErrorMapping.register(cfg.routes);
            contactRoutes.register(cfg.routes);
            offlineRoutes.register(cfg.routes);
            visitorRoutes.register(cfg.routes);
            streamRoutes.register(cfg.routes);
            chatbotRoutes.register(cfg.routes);
            healthRoutes.register(cfg.routes);
            operatorRoutes.register(cfg.routes);
            adminRoutes.register(cfg.routes);
            cannedRoutes.register(cfg.routes);
            exportRoutes.register(cfg.routes);
            operatorMediaRoutes.register(cfg.routes);
            mediaRoutes.register(cfg.routes);
            flowRoutes.register(cfg.routes);
            brazeRoutes.register(cfg.routes);
            privacyRoutes.register(cfg.routes);
            outreachRoutes.register(cfg.routes);
            widgetRoutes.register(cfg.routes);
            operatorStreamRoutes.register(cfg.routes);
            consoleRoutes.register(cfg.routes);
            metricsRoutes.register(cfg.routes);
            channelRoutes.register(cfg.routes);
        });
        app.start();
        s.presence().start();
        s.visitorPresence().start();
        return new WebServer(app, s.presence(), s.visitorPresence());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        presence.close();
        visitorPresence.close();
        app.stop();
    }
}
