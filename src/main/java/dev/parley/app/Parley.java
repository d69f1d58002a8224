package dev.parley.app;

import dev.parley.addon.AddonModule;
import dev.parley.chatbot.ChatbotModule;
import dev.parley.config.BotType;
import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineStore;
import dev.parley.conversation.Transcripts;
import dev.parley.media.MediaService;
import dev.parley.operator.AdminService;
import dev.parley.operator.ConversationQueries;
import dev.parley.conversation.NoteStore;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorService;
import dev.parley.outbox.Outbox;
import dev.parley.routing.Router;
import dev.parley.routing.WorkspaceApplier;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.web.WebServer;
import java.time.Clock;

/** One running Parley: database, workspace, outbox workers and the web server. */
public final class Parley implements AutoCloseable {
    private final Database db;
    private final Outbox outbox;
    private final WebServer web;
    private final ChatbotModule chatbot;

    private Parley(Database db, Outbox outbox, WebServer web, ChatbotModule chatbot) {
        this.db = db;
        this.outbox = outbox;
        this.web = web;
        this.chatbot = chatbot;
    }

    /** Opens the database (migrating it), applies the workspace, starts workers and the server. */
    public static Parley start(ServerSettings settings, ParleyConfig config) {
        return start(settings, config, Clock.systemUTC(), Ids.random());
    }

    public static Parley start(ServerSettings settings, ParleyConfig config, Clock clock, Ids ids) {
        refuseUnsupported(config);
        Database db = Database.open(Databases.url(settings));
        try {
            new WorkspaceApplier(db).apply(config);
            LiveHub hub = new LiveHub();
            WorkspaceStore workspace = new WorkspaceStore();
            ConversationStore conversations = new ConversationStore(hub);
            ContactStore contacts = new ContactStore();
            TimelineStore timeline = new TimelineStore(clock, ids, hub);
            Outbox outbox = new Outbox(db, clock, ids);
            Router router = new Router(workspace, clock);
            NoteStore notes = new NoteStore(clock, ids);
            MediaService media = new MediaService(db, clock, settings.dataDir(), settings.media(),
                    config.publicBaseUrl());
            AddonModule addons = new AddonModule(new AddonModule.Deps(db, clock, ids, workspace, conversations, contacts,
                    timeline, outbox, config.addons(), config.smtp()));
            ChatbotModule chatbot = new ChatbotModule(new ChatbotModule.Deps(db, clock, ids, workspace, router,
                    conversations, contacts, timeline, notes, hub, outbox, config.publicBaseUrl(), addons.dispatches(),
                    media));
            ContactService contactService = new ContactService(db, clock, ids, workspace, contacts, conversations,
                    timeline, chatbot.hooks());
            WebServer web = WebServer.start(settings.host(), settings.port(), new WebServer.Services(db,
                    contactService, new Transcripts(db, timeline, hub), timeline, hub, chatbot.api(),
                    new OperatorAuth(db, clock, workspace),
                    new OperatorService(db, workspace, conversations, timeline, router, chatbot, notes,
                            addons.dispatches()),
                    new ConversationQueries(db, conversations, contacts, timeline, notes),
                    new AdminService(db, workspace, chatbot, conversations, timeline, config), media));
            outbox.start(settings.outboxPollInterval());
            chatbot.startTimers(settings.outboxPollInterval());
            return new Parley(db, outbox, web, chatbot);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void refuseUnsupported(ParleyConfig config) {
        for (int i = 0; i < config.bots().size(); i++) {
            if (config.bots().get(i).type() == BotType.FLOW) {
                throw new ConfigException("parley.yml", "bots[" + i + "].type",
                        "type flow cannot run in this version; use type api");
            }
        }
    }

    public int port() {
        return web.port();
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        web.close();
        chatbot.stopTimers();
        outbox.close();
        db.close();
    }
}
