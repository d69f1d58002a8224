package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what Braze answered to a request, in one transaction: a 2xx marks it sent for good (and its
 * non-fatal errors become a dead letter), another 4xx makes it a dead letter, and 429, 5xx or no
 * answer keep it open for a retry whose time is returned.
 */
final class AnswerRecorder {
    private static final Logger log = LoggerFactory.getLogger(AnswerRecorder.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final BrazeStore store;
    private final DeadLetterStore deadLetters;
    private final AttributeDeltas deltas;

    AnswerRecorder(Database db, Clock clock, Ids ids, BrazeStore store, DeadLetterStore deadLetters) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.store = store;
        this.deadLetters = deadLetters;
        this.deltas = new AttributeDeltas(store);
    }

    /** Records {@code answer}; returns when to try the request again, if it stays open. */
    Optional<Instant> record(SendRequest request, BrazeAnswer answer) {
        Instant now = clock.instant();
        return switch (answer) {
            case BrazeAnswer.Success s -> {
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "sent", s.status(), now);
                    deltas.remember(tx, array(request.body(), Kind.ATTRIBUTES), refusedIndexes(s.errors()), now);
                    if (!s.errors().isEmpty()) {
                        deadLetters.insert(tx, new DeadLetter(ids.next("bzd"), request.id(), now, s.status(),
                                s.body().path("message").asText("success"),
                                s.errors().stream().map(BrazeAnswer.ItemError::describe).toList(),
                                pointedAt(request.body(), s.errors()), Optional.empty()));
                    }
                });
                if (!s.errors().isEmpty()) {
                    log.warn("Braze took request {} but refused {} of its objects: {}", request.id(), s.errors().size(),
                            s.errors().getFirst().describe());
                }
                yield Optional.empty();
            }
            case BrazeAnswer.Rejected r -> {
                db.useWrite(tx -> {
                    store.finish(tx, request.id(), "dead", r.status(), now);
                    deadLetters.insert(tx, new DeadLetter(ids.next("bzd"), request.id(), now, r.status(), r.message(),
                            r.errors(), objects(request.body()), Optional.empty()));
                });
                log.warn("Braze refused request {} ({} objects) with HTTP {}: {}", request.id(), request.objects(),
                        r.status(), r.message());
                yield Optional.empty();
            }
            case BrazeAnswer.RateLimited r -> retry(request, r.reset().filter(now::isBefore)
                    .map(reset -> reset.plusMillis(ThreadLocalRandom.current().nextLong(250)))
                    .orElseGet(() -> now.plus(backoff(request.attempts()))), "HTTP 429: " + r.message());
            case BrazeAnswer.ServerError e -> retry(request, now.plus(backoff(request.attempts())),
                    "HTTP " + e.status() + ": " + e.message());
            case BrazeAnswer.NoAnswer n -> retry(request, now.plus(backoff(request.attempts())), n.cause());
        };
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

    private static Set<Integer> refusedIndexes(List<BrazeAnswer.ItemError> errors) {
        Set<Integer> refused = new HashSet<>();
        errors.stream().filter(e -> e.inputArray().filter(Kind.ATTRIBUTES.array()::equals).isPresent())
                .forEach(e -> e.index().ifPresent(refused::add));
        return refused;
    }

    /** The objects of {@code body} the errors point at. */
    private static ObjectNode pointedAt(ObjectNode body, List<BrazeAnswer.ItemError> errors) {
        ObjectNode objects = emptyObjects();
        Set<String> seen = new HashSet<>();
        for (BrazeAnswer.ItemError e : errors) {
            if (e.inputArray().isPresent() && e.index().isPresent() && isArray(e.inputArray().get())
                    && seen.add(e.inputArray().get() + e.index().get())) {
                JsonNode object = body.path(e.inputArray().get()).path(e.index().get());
                if (!object.isMissingNode()) {
                    ((ArrayNode) objects.get(e.inputArray().get())).add(object);
                }
            }
        }
        return objects;
    }

    private static ObjectNode objects(ObjectNode body) {
        ObjectNode objects = emptyObjects();
        for (Kind kind : Kind.values()) {
            objects.set(kind.array(), array(body, kind).deepCopy());
        }
        return objects;
    }

    private static ObjectNode emptyObjects() {
        ObjectNode objects = Json.object();
        for (Kind kind : Kind.values()) {
            objects.putArray(kind.array());
        }
        return objects;
    }

    private static ArrayNode array(ObjectNode body, Kind kind) {
        return body.path(kind.array()) instanceof ArrayNode a ? a : Json.array();
    }

    private static boolean isArray(String name) {
        return name.equals("attributes") || name.equals("events") || name.equals("purchases");
    }
}
