package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what Braze answered to a request, in one transaction: a 2xx marks it sent for good (the objects
 * its non-fatal errors name become a dead letter); a 400 or 413 for several objects splits the request in
 * two halves that are sent on their own, so the valid objects go through and only the offending ones end
 * as dead letters; 401 and 403 pause sending and raise an alert, dead-lettering nothing; another 4xx makes
 * a dead letter; 429, 5xx or no answer keep it open for a retry whose time is returned, up to
 * {@code maxAttempts} for 5xx (then a dead letter and an alert).
 */
final class AnswerRecorder {
    private static final Logger log = LoggerFactory.getLogger(AnswerRecorder.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    /** How often a paused sender asks again whether Braze takes the key now. */
    static final Duration AUTH_PROBE = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final BrazeStore store;
    private final DeadLetterStore deadLetters;
    private final AlertStore alerts;
    private final AttributeDeltas deltas;
    private final int maxAttempts;

    AnswerRecorder(Database db, Clock clock, Ids ids, BrazeStore store, DeadLetterStore deadLetters, AlertStore alerts,
            AttributeDeltas deltas, int maxAttempts) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.store = store;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.deltas = deltas;
        this.maxAttempts = maxAttempts;
    }

    /** Records {@code answer}; returns when to try the request again, if it stays open. */
    Optional<Instant> record(SendRequest request, BrazeAnswer answer) {
        Instant now = clock.instant();
        return switch (answer) {
            case BrazeAnswer.Success s -> {
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "sent", s.status(), now);
                    alerts.clear(tx, List.of(BrazeAlert.AUTH, BrazeAlert.SERVER_ERRORS), now);
                    deltas.remember(tx, RefusedObjects.array(request.body(), Kind.ATTRIBUTES),
                            RefusedObjects.attributeIndexes(request.body(), s.errors()), now);
                    if (!s.errors().isEmpty()) {
                        deadLetter(tx, request, s.status(), s.body().path("message").asText("success"),
                                s.errors().stream().map(BrazeAnswer.ItemError::describe).toList(),
                                RefusedObjects.of(request.body(), s.errors()), now);
                    }
                });
                if (!s.errors().isEmpty()) {
                    log.warn("Braze took request {} but refused {} of its objects: {}", request.id(), s.errors().size(),
                            s.errors().getFirst().describe());
                }
                yield Optional.empty();
            }
            case BrazeAnswer.Rejected r when r.status() == 401 || r.status() == 403 -> pause(request, r, now);
            case BrazeAnswer.Rejected r when (r.status() == 400 || r.status() == 413) && request.objects() > 1 -> {
                List<SendRequest> halves = RequestSplit.halves(request, ids, now);
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "split", r.status(), now);
                    halves.forEach(half -> store.insertRequest(tx, half.id(), half.body(), half.objects(),
                            half.nextAttemptAt()));
                });
                log.info("Braze refused request {} ({} objects) with HTTP {}: {}; sending it in two halves",
                        request.id(), request.objects(), r.status(), r.message());
                yield Optional.empty();
            }
            case BrazeAnswer.Rejected r -> {
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "dead", r.status(), now);
                    deadLetter(tx, request, r.status(), r.message(), r.errors(), RefusedObjects.all(request.body()), now);
                });
                log.warn("Braze refused request {} ({} objects) with HTTP {}: {}", request.id(), request.objects(),
                        r.status(), r.message());
                yield Optional.empty();
            }
            case BrazeAnswer.RateLimited r -> retry(request, r.reset().filter(now::isBefore)
                    .map(reset -> reset.plusMillis(ThreadLocalRandom.current().nextLong(250)))
                    .orElseGet(() -> now.plus(backoff(request.attempts()))), "HTTP 429: " + r.message());
            case BrazeAnswer.ServerError e when request.attempts() + 1 >= maxAttempts -> {
                String message = "HTTP " + e.status() + ": " + e.message();
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "dead", e.status(), now);
                    deadLetter(tx, request, e.status(), e.message(), List.of(), RefusedObjects.all(request.body()), now);
                    alerts.raise(tx, BrazeAlert.SERVER_ERRORS, "Braze answered request " + request.id() + " with 5xx "
                            + maxAttempts + " times (last " + message + "); its " + request.objects()
                            + " objects are a dead letter, which may have been applied already", now);
                });
                log.error("Braze failed request {} {} times (last {}); its objects are a dead letter", request.id(),
                        maxAttempts, message);
                yield Optional.empty();
            }
            case BrazeAnswer.ServerError e -> retry(request, now.plus(backoff(request.attempts())),
                    "HTTP " + e.status() + ": " + e.message());
            case BrazeAnswer.NoAnswer n -> retry(request, now.plus(backoff(request.attempts())), n.cause());
        };
    }

    /** A 401 or 403: the key is wrong or lacks a permission; every request would fail the same way. */
    private Optional<Instant> pause(SendRequest request, BrazeAnswer.Rejected r, Instant now) {
        Instant next = now.plus(AUTH_PROBE);
        String message = "Braze refused the API key with HTTP " + r.status() + " (" + r.message() + "): sending is"
                + " paused and nothing is lost; fix the key (permission users.track) and restart, or wait for the"
                + " next check at " + next;
        db.useWrite(tx -> {
            store.retryLater(tx, request.id(), next, "HTTP " + r.status() + ": " + r.message());
            alerts.raise(tx, BrazeAlert.AUTH, message, now);
        });
        log.error("Braze refused the API key with HTTP {}: sending to Braze is paused until {}", r.status(), next);
        return Optional.of(next);
    }

    private void deadLetter(Tx tx, SendRequest request, int status, String message, List<String> errors,
            ObjectNode objects, Instant now) {
        deadLetters.insert(tx, new DeadLetter(ids.next("bzd"), request.id(), now, status, message, errors, objects,
                Optional.empty()));
    }

    private Optional<Instant> retry(SendRequest request, Instant next, String error) {
        db.useWrite(tx -> store.retryLater(tx, request.id(), next, error));
        log.info("Braze request {} not taken ({}); retrying at {}", request.id(), error, next);
        return Optional.of(next);
    }

    /** 1 s, 2 s, 4 s, … up to 15 s, ±20 %. */
    static Duration backoff(int failedAttempts) {
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failedAttempts, 10));
        return Duration.ofMillis(Math.round(base * (0.8 + ThreadLocalRandom.current().nextDouble() * 0.4)));
    }
}
