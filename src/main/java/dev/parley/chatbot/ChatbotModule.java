package dev.parley.chatbot;

import dev.parley.addon.DispatchService;
import dev.parley.campaign.Campaigns;
import dev.parley.config.Rate;
import dev.parley.config.WidgetConfig;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.ConversationHooks;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.NoteStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.limit.Limiters;
import dev.parley.media.MediaService;
import dev.parley.outbox.Outbox;
import dev.parley.routing.Router;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.webhook.WebhookClient;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wires the Chatbot API feature: sessions, webhook transport (registered with the outbox), the API URL. */
public final class ChatbotModule {
    /** The API URL's limit (chatbot-api.md §9): 20 requests per minute per cid, a sliding window. */
    private static final Rate PER_CID = Rate.of(20, Duration.ofMinutes(1));
    private final ConversationHooks hooks;
    private final ChatbotApi api;
    private final SessionStore sessions = new SessionStore();
    private final Clock clock;
    private final Database db;
    private final TimeoutSweeper timeouts;

    /** The shared pieces the feature needs from the rest of the application. */
    public record Deps(Database db, Clock clock, Ids ids, WorkspaceStore workspace, Router router,
            ConversationStore conversations, ContactStore contacts, TimelineStore timeline, NoteStore notes,
            LiveHub hub, Outbox outbox, String publicBaseUrl, DispatchService dispatches, MediaService media,
            InProcessBots inProcess, List<WidgetConfig> widgets, Limiters limiters, Campaigns campaigns) {}

    public ChatbotModule(Deps d) {
        this.clock = d.clock();
        this.db = d.db();
        BotEventQueue queue = new BotEventQueue(d.outbox());
        Handover handover = new Handover(d.clock(), sessions, d.conversations(), d.timeline(), d.router(), queue,
                d.dispatches());
        DelayedEvents delays = new DelayedEvents(d.outbox(), d.hub(), d.clock());
        ChatbotService chatbot = new ChatbotService(d.clock(), d.ids(), sessions, d.conversations(), d.timeline(),
                new ProfileUpdates(d.conversations(), d.contacts(), d.timeline(), d.notes(), phoneRegions(d.widgets()),
                        d.campaigns()),
                delays, queue, handover, d.dispatches(), new MediaEvents(d.media()), new ForwardTargets(d.workspace()));
        DeliveryLog deliveries = new DeliveryLog();
        AnswerApplier answers = new AnswerApplier(chatbot, sessions, d.timeline(), deliveries);
        d.outbox().register(new DelayedEventsHandler(d.db(), d.clock(), d.workspace(), sessions, chatbot, delays,
                answers));
        d.outbox().register(new WebhookHandler(d.db(), d.clock(), d.workspace(), sessions,
                new InfoBuilder(d.publicBaseUrl()), new WebhookClient(), deliveries, answers, handover,
                d.inProcess(), d.outbox()));
        this.timeouts = new TimeoutSweeper(d.db(), d.clock(), d.workspace(), sessions, d.conversations(), d.timeline(),
                handover, d.dispatches());
        this.hooks = new BotHooks(d.workspace(), d.router(), chatbot, d.conversations(), d.timeline(),
                queue);
        this.api = new ChatbotApi(d.db(), d.workspace(), sessions, chatbot,
                d.limiters().window("chatbot-cid", PER_CID));
    }

    private static Map<String, String> phoneRegions(List<WidgetConfig> widgets) {
        Map<String, String> regions = new HashMap<>();
        widgets.forEach(w -> w.phoneRegion().ifPresent(r -> regions.put(w.id(), r)));
        return regions;
    }

    /** Ends the bot session {@code cid} if it is still active (an operator took the conversation over). */
    public void endSession(Tx tx, String cid, String reason) {
        sessions.end(tx, cid, reason, clock.instant());
    }

    /** Starts checking for timeouts every {@code interval}. */
    public void startTimers(Duration interval) {
        timeouts.start(interval);
    }

    public void stopTimers() {
        timeouts.close();
    }

    public ConversationHooks hooks() {
        return hooks;
    }

    public ChatbotApi api() {
        return api;
    }

    /** Bot sessions not ended yet. */
    public long activeSessions() {
        return db.read(sessions::countActive);
    }
}
