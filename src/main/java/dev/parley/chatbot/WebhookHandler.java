package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BotType;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.json.Json;
import dev.parley.metrics.LogContext;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.routing.Bot;
import dev.parley.routing.Group;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.webhook.WebhookClient;
import dev.parley.webhook.WebhookSigner;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued bot-session events to the bot — its webhook, or in-process for a flow bot — and
 * applies what it answers.
 */
final class WebhookHandler implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final SessionStore sessions;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final InfoBuilder infos;
    private final WebhookClient client;
    private final DeliveryLog deliveries;
    private final ChatbotService chatbot;
    private final Handover handover;
    private final InProcessBots inProcess;

    WebhookHandler(Database db, Clock clock, WorkspaceStore workspace, SessionStore sessions,
            ConversationStore conversations, ContactStore contacts, InfoBuilder infos, WebhookClient client,
            DeliveryLog deliveries, ChatbotService chatbot, Handover handover, InProcessBots inProcess) {
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.sessions = sessions;
        this.conversations = conversations;
        this.contacts = contacts;
        this.infos = infos;
        this.client = client;
        this.deliveries = deliveries;
        this.chatbot = chatbot;
        this.handover = handover;
        this.inProcess = inProcess;
    }

    @Override
    public String kind() {
        return BotEventQueue.KIND;
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return db.read(h -> sessions.find(h, cid(entry)).flatMap(s -> workspace.bot(h, s.botId())))
                .map(b -> new RetryPolicy(b.retry().attempts(), b.retry().firstDelay()))
                .orElse(RetryPolicy.DEFAULT);
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String cid = cid(entry);
        Optional<Call> call = db.read(h -> sessions.find(h, cid).filter(Session::active).flatMap(s -> {
            LogContext.conversation(s.conversationId());
            LogContext.bot(s.botId());
            Bot bot = workspace.bot(h, s.botId()).orElseThrow();
            Conversation conv = conversations.find(h, s.conversationId()).orElseThrow();
            Contact contact = contacts.find(h, conv.contactId()).orElseThrow();
            Widget widget = workspace.widget(h, conv.widgetId()).orElseThrow();
            Group group = workspace.group(h, widget.groupId()).orElseThrow();
            return Optional.of(new Call(bot, infos.info(s, conv, contact, widget, group)));
        }));
        if (call.isEmpty()) {
            return new Result.Done(tx -> {});
        }
        Bot bot = call.get().bot();
        ObjectNode body = Json.object();
        body.set("info", call.get().info());
        body.set("packet", entry.payload().get("packet"));
        String requestBody = Json.write(body);
        if (bot.type() == BotType.FLOW) {
            return inProcess(entry, bot, cid, call.get().info(), requestBody);
        }
        if (bot.webhookUrl().isEmpty()) {
            return new Result.Done(tx -> {});
        }
        Map<String, String> headers = new LinkedHashMap<>(bot.webhookHeaders());
        headers.put("Parley-Event-Id", entry.eventId());
        headers.put("Parley-Delivery-Attempt", Integer.toString(entry.attempt()));
        Instant started = clock.instant();
        bot.signingSecret().map(secret -> WebhookSigner.header(secret, requestBody, started))
                .ifPresent(sig -> headers.put("Parley-Signature", sig));
        long t0 = System.nanoTime();
        WebhookClient.Outcome outcome = client.post(bot.webhookUrl().get(), headers, requestBody, bot.requestTimeout());
        long latencyMs = (System.nanoTime() - t0) / 1_000_000;
        String eventName = entry.payload().path("packet").path("name").asText();
        DeliveryLog.Entry base = new DeliveryLog.Entry(bot.id(), cid, entry.eventId(), eventName, entry.attempt(),
                started, latencyMs, Optional.empty(), "failed", Optional.empty(), requestBody, Optional.empty());
        return switch (outcome) {
            case WebhookClient.Outcome.Failed f -> retry(base, f.error(), Optional.empty(), Optional.empty());
            case WebhookClient.Outcome.Answered a when a.status() < 200 || a.status() > 299 ->
                    retry(base, "bot answered HTTP " + a.status(), Optional.of(a.status()), Optional.of(a.body()));
            case WebhookClient.Outcome.Answered a -> applied(base, bot, cid, a);
        };
    }

    /** A flow bot: answered in-process; the answer is applied and logged as a webhook answer is. */
    private Result inProcess(OutboxEntry entry, Bot bot, String cid, ObjectNode info, String requestBody) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        InProcessBots.Answer answer = inProcess.answer(bot, info, (ObjectNode) entry.payload().get("packet"));
        long latencyMs = (System.nanoTime() - t0) / 1_000_000;
        DeliveryLog.Entry base = new DeliveryLog.Entry(bot.id(), cid, entry.eventId(),
                entry.payload().path("packet").path("name").asText(), entry.attempt(), started, latencyMs,
                Optional.empty(), "failed", Optional.empty(), requestBody, Optional.empty());
        Result.Done applied = applied(base, bot, cid, new WebhookClient.Outcome.Answered(200, answer.body()));
        return new Result.Done(tx -> {
            sessions.replaceContext(tx, cid, answer.context());
            answer.effects().accept(tx);
            applied.effects().accept(tx);
        });
    }

    private Result retry(DeliveryLog.Entry base, String error, Optional<Integer> status, Optional<String> response) {
        DeliveryLog.Entry failed = new DeliveryLog.Entry(base.botId(), base.cid(), base.eventId(), base.eventName(),
                base.attempt(), base.at(), base.latencyMs(), status, "failed", Optional.of(error), base.requestBody(),
                response);
        return new Result.Retry(error, tx -> deliveries.record(tx, failed), Optional.empty());
    }

    private Result.Done applied(DeliveryLog.Entry base, Bot bot, String cid, WebhookClient.Outcome.Answered answer) {
        AnswerParser.Answer parsed = AnswerParser.parse(answer.body(), cid);
        MediaEvents.Resolved resolved = chatbot.resolveMedia(parsed.events());
        Optional<String> error = resolved.failure()
                .map(f -> "[" + f.index() + "].packet.payload.url: " + f.message()).or(parsed::error);
        error.ifPresent(e -> log.warn("bot {} answered an invalid event; see its delivery log", bot.id()));
        return new Result.Done(tx -> {
            Optional<String> refused = applyRefusing(tx, bot, cid, resolved.events());
            Optional<String> problem = error.or(() -> refused);
            deliveries.record(tx, new DeliveryLog.Entry(base.botId(), cid, base.eventId(), base.eventName(),
                    base.attempt(), base.at(), base.latencyMs(), Optional.of(answer.status()),
                    problem.isPresent() ? "invalid_answer" : "delivered", problem, base.requestBody(),
                    Optional.of(answer.body())));
        });
    }

    /**
     * Applies an answer; an event refused only when applied (a dispatch naming an unknown add-on,
     * say) stops it there like an invalid event — what came before it stays applied.
     */
    private Optional<String> applyRefusing(Tx tx, Bot bot, String cid, java.util.List<BotEvent> events) {
        try {
            chatbot.apply(tx, bot, cid, events);
            return Optional.empty();
        } catch (dev.parley.error.ClientError e) {
            log.warn("bot {} answered an event that was refused; see its delivery log", bot.id());
            return Optional.of(e.path().map(p -> p + ": ").orElse("") + e.getMessage());
        }
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        sessions.find(tx.handle(), cid(entry)).filter(Session::active).ifPresent(s -> workspace.bot(tx.handle(),
                s.botId()).ifPresent(bot -> handover.unavailable(tx, bot, s, lastError)));
    }

    private static String cid(OutboxEntry entry) {
        return entry.payload().path("cid").asText();
    }

    private record Call(Bot bot, ObjectNode info) {}
}
