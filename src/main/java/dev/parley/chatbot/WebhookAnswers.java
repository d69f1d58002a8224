package dev.parley.chatbot;

import dev.parley.outbox.Outbox;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler.Result;
import dev.parley.routing.Bot;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import dev.parley.webhook.WebhookClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a bot's answer to a webhook call does (chatbot spec §3.3, {@link WebhookVerdict}): delivered,
 * declined or retried — for an answer in time as the outbox result of the attempt, for an answer that
 * came after the timeout ({@link LateAnswers}) in a transaction of its own.
 */
final class WebhookAnswers {
    private static final Logger log = LoggerFactory.getLogger(WebhookAnswers.class);
    /** How long a call stays open after its timeout, so that a slow bot's answer is not lost. */
    static final Duration LATE_WINDOW = Duration.ofMinutes(2);
    /** Late answers are applied off the HTTP client's selector thread. */
    private static final Executor LATE_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private final Database db;
    private final Clock clock;
    private final DeliveryLog deliveries;
    private final AnswerApplier answers;
    private final Outbox outbox;
    private final LateAnswers lates = new LateAnswers();

    WebhookAnswers(Database db, Clock clock, DeliveryLog deliveries, AnswerApplier answers, Outbox outbox) {
        this.db = db;
        this.clock = clock;
        this.deliveries = deliveries;
        this.answers = answers;
        this.outbox = outbox;
    }

    /** An attempt of the entry's event goes out: answers still awaited for the session's earlier events lapse. */
    void sending(String cid, OutboxEntry entry) {
        lates.sending(cid, entry.eventId());
    }

    /**
     * The result of an attempt: {@code call} as recorded so far, {@code last} whether the retries are
     * used up with it. A call without answer in time that is still open is awaited ({@link #awaitLate}).
     */
    Result inTime(Bot bot, DeliveryLog.Entry call, WebhookClient.Outcome outcome, boolean last) {
        return switch (outcome) {
            case WebhookClient.Outcome.Failed f -> retry(bot, call, f.error(), last, Optional.empty());
            case WebhookClient.Outcome.Answered a -> switch (WebhookVerdict.of(a)) {
                case DELIVERED -> delivered(bot, call, a, false);
                case DECLINED -> new Result.Done(tx -> deliveries.record(tx, bot, declined(call, a)));
                case RETRY -> retry(bot, answered(call, a), "bot answered HTTP " + a.status(), last,
                        WebhookVerdict.retryAfter(a, clock.instant()));
            };
        };
    }

    /**
     * The call got no answer in time and is retried; should its answer still come while the event is
     * the session's current one, it is applied then (and the retry, if still waiting, is dropped).
     * {@code t0} is when the call went out ({@link System#nanoTime}).
     */
    void awaitLate(OutboxEntry entry, Bot bot, DeliveryLog.Entry call, long t0,
            CompletableFuture<WebhookClient.Outcome.Answered> late) {
        lates.awaiting(call.cid(), call.eventId());
        late.thenAcceptAsync(answer -> {
            DeliveryLog.Entry timed = new DeliveryLog.Entry(call.botId(), call.cid(), call.eventId(),
                    call.eventName(), call.attempt(), call.at(), Duration.ofNanos(System.nanoTime() - t0),
                    call.status(), call.outcome(), call.error(), call.requestBody(), call.responseBody());
            try {
                late(entry, bot, timed, answer);
            } catch (RuntimeException e) {
                log.warn("the late answer of bot {} to event {} could not be stored: {}", bot.id(), call.eventId(),
                        e.toString());
            }
        }, LATE_THREADS);
    }

    private void late(OutboxEntry entry, Bot bot, DeliveryLog.Entry call, WebhookClient.Outcome.Answered a) {
        WebhookVerdict verdict = WebhookVerdict.of(a);
        Consumer<Tx> effects = switch (verdict) {
            case DELIVERED -> delivered(bot, call, a, true).effects();
            case DECLINED -> tx -> deliveries.record(tx, bot, declined(call, a));
            case RETRY -> tx -> deliveries.record(tx, bot, answered(call, a).outcome("retrying",
                    Optional.of("late answer HTTP " + a.status() + "; the event is retried")));
        };
        db.useWrite(tx -> {
            if (verdict != WebhookVerdict.RETRY) {
                outbox.complete(tx, entry);
            }
            effects.accept(tx);
        });
    }

    /** A 2xx answer: its events are applied, unless another answer to the same event was applied first. */
    private Result.Done delivered(Bot bot, DeliveryLog.Entry base, WebhookClient.Outcome.Answered a, boolean late) {
        DeliveryLog.Entry call = answered(base, a);
        AnswerApplier.Prepared prepared = answers.prepare(a.body(), base.cid());
        if (prepared.hasEvents() && !lates.claim(base.cid(), base.eventId(), late)) {
            return new Result.Done(tx -> deliveries.record(tx, bot, call.outcome("delivered", Optional.of(
                    "not applied: another answer to this event was applied, or a later event went out"))));
        }
        return new Result.Done(tx -> answers.apply(tx, bot, prepared, call));
    }

    private Result retry(Bot bot, DeliveryLog.Entry call, String error, boolean last, Optional<Duration> notBefore) {
        DeliveryLog.Entry failed = call.outcome(last ? "failed" : "retrying", Optional.of(error));
        return new Result.Retry(error, tx -> deliveries.record(tx, bot, failed), notBefore);
    }

    private static DeliveryLog.Entry declined(DeliveryLog.Entry call, WebhookClient.Outcome.Answered a) {
        if (a.status() == 401 || a.status() == 403) {
            // a bot checking the webhook headers: every event will be declined until they match
            log.warn("bot {} answered HTTP {}: check its webhook_headers; see its delivery log", call.botId(),
                    a.status());
        }
        return answered(call, a).outcome("declined",
                Optional.of("the bot declined the event (HTTP " + a.status() + "); it is not sent again"));
    }

    private static DeliveryLog.Entry answered(DeliveryLog.Entry call, WebhookClient.Outcome.Answered a) {
        return call.answer(Optional.of(a.status()), Optional.of(a.body()));
    }
}
