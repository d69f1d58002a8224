package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BotType;
import dev.parley.conversation.Conversation;
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
import dev.parley.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers queued bot-session events to the bot — its webhook, or in-process for a flow bot — and
 * applies what it answers. The outcome of each call follows chatbot spec §3.3 ({@link WebhookVerdict}).
 */
final class WebhookHandler implements OutboxHandler {

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final SessionStore sessions;
    private final InfoBuilder infos;
    private final WebhookClient client;
    private final Handover handover;
    private final InProcessBots inProcess;
    private final AnswerApplier answers;
    private final WebhookAnswers webhookAnswers;

    WebhookHandler(Database db, Clock clock, WorkspaceStore workspace, SessionStore sessions, InfoBuilder infos,
            WebhookClient client, DeliveryLog deliveries, AnswerApplier answers, Handover handover,
            InProcessBots inProcess, Outbox outbox) {
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.sessions = sessions;
        this.infos = infos;
        this.client = client;
        this.answers = answers;
        this.handover = handover;
        this.inProcess = inProcess;
        this.webhookAnswers = new WebhookAnswers(db, clock, deliveries, answers, outbox);
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
        Optional<Call> call = db.read(h -> sessions.findInConversation(h, cid).filter(f -> f.session().active())
                .map(found -> {
                    Session s = found.session();
                    LogContext.conversation(s.conversationId());
                    LogContext.bot(s.botId());
                    Bot bot = workspace.bot(h, s.botId()).orElseThrow();
                    Conversation conv = found.conversation();
                    Widget widget = workspace.widget(h, conv.widgetId()).orElseThrow();
                    Group group = workspace.group(h, widget.groupId()).orElseThrow();
                    return new Call(bot, infos.info(s, conv, found.contact(), found.subscribed(), widget, group));
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
        webhookAnswers.sending(cid, entry);
        long t0 = System.nanoTime();
        WebhookClient.Waited waited = client.postWaiting(bot.webhookUrl().get(), headers, requestBody,
                bot.requestTimeout(), WebhookAnswers.LATE_WINDOW);
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        DeliveryLog.Entry base = new DeliveryLog.Entry(bot.id(), cid, entry.eventId(), eventName(entry),
                entry.attempt(), started, latency, Optional.empty(), "failed", Optional.empty(), requestBody,
                Optional.empty());
        waited.late().ifPresent(late -> webhookAnswers.awaitLate(entry, bot, base, t0, late));
        return webhookAnswers.inTime(bot, base, waited.outcome(), entry.attempt() >= bot.retry().attempts());
    }

    /** A flow bot: answered in-process; the answer is applied and logged as a webhook answer is. */
    private Result inProcess(OutboxEntry entry, Bot bot, String cid, ObjectNode info, String requestBody) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        InProcessBots.Answer answer = inProcess.answer(bot, info, (ObjectNode) entry.payload().get("packet"));
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        DeliveryLog.Entry base = new DeliveryLog.Entry(bot.id(), cid, entry.eventId(), eventName(entry),
                entry.attempt(), started, latency, Optional.of(200), "delivered", Optional.empty(), requestBody,
                Optional.of(answer.body()));
        AnswerApplier.Prepared prepared = answers.prepare(answer.body(), cid);
        return new Result.Done(tx -> {
            sessions.replaceContext(tx, cid, answer.context());
            answer.effects().accept(tx);
            answers.apply(tx, bot, prepared, base);
        });
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        sessions.find(tx.handle(), cid(entry)).filter(Session::active).ifPresent(s -> workspace.bot(tx.handle(),
                s.botId()).ifPresent(bot -> handover.unavailable(tx, bot, s, lastError)));
    }

    private static String cid(OutboxEntry entry) {
        return entry.payload().path("cid").asText();
    }

    private static String eventName(OutboxEntry entry) {
        return entry.payload().path("packet").path("name").asText();
    }

    private record Call(Bot bot, ObjectNode info) {}
}
