package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.error.ClientError;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What admins see and do about Braze failures: the alerts raised (a refused key pausing the sender, a
 * request failing with 5xx until it became a dead letter), and the objects Braze refused — list them and
 * re-send them (one corrected or as it was, or all at once).
 */
public final class BrazeDeadLetters {
    private static final int LIST_LIMIT = 500;

    private final Database db;
    private final Clock clock;
    private final DeadLetterStore store;
    private final AlertStore alerts;
    private final BrazeWriter writer;

    BrazeDeadLetters(Database db, Clock clock, DeadLetterStore store, AlertStore alerts, BrazeWriter writer) {
        this.db = db;
        this.clock = clock;
        this.store = store;
        this.alerts = alerts;
        this.writer = writer;
    }

    /** The alerts raised and not cleared yet, oldest first. */
    public List<BrazeAlert> alerts() {
        return db.read(alerts::raised);
    }

    /** How many dead letters are not re-sent yet. */
    public long openCount() {
        return db.read(store::countOpen);
    }

    /** Dead letters not re-sent yet, oldest first. */
    public List<DeadLetter> list() {
        return db.read(h -> store.open(h, LIST_LIMIT));
    }

    /**
     * Queues the dead letter's objects again, or {@code corrected} instead ({@code {attributes, events,
     * purchases}}), checked like any update. Returns how many objects were queued.
     *
     * @throws ClientError 404 for an unknown id, 409 when it was re-sent already or Braze is not
     *                     configured, 400 when a corrected object fails a check
     */
    public int resend(String id, Optional<JsonNode> corrected) {
        if (!writer.configured()) {
            throw ClientError.conflict("braze_not_configured",
                    "Braze is not configured: the selected environment of parley.yml has no braze key");
        }
        DeadLetter letter = db.read(h -> store.find(h, id)).orElseThrow(() -> ClientError.notFound("dead letter", id));
        corrected.ifPresent(BrazeDeadLetters::requireArraysOnly);
        BrazeUpdate update = BrazeUpdate.fromJson(corrected.orElse(letter.objects()));
        List<TrackOutcome.Refusal> refused = writer.check(update, false);
        if (!refused.isEmpty()) {
            throw ClientError.badRequest("invalid_braze_object", refused.stream().map(TrackOutcome.Refusal::describe)
                    .collect(Collectors.joining("; ")), refused.getFirst().array() + "[" + refused.getFirst().index() + "]");
        }
        if (update.size() == 0) {
            throw ClientError.badRequest("nothing_to_resend", "the dead letter holds no objects to re-send;"
                    + " give corrected objects in the body as {\"attributes\": [...], \"events\": [...], \"purchases\": [...]}");
        }
        return db.write(tx -> {
            if (!store.markResent(tx, id, clock.instant())) {
                throw ClientError.conflict("already_resent", "dead letter '" + id + "' was re-sent already");
            }
            return queued(tx, update);
        });
    }

    /**
     * Queues the objects of every dead letter not re-sent yet, as they were; they leave batched like any
     * update, within Braze's limit whatever the size of the requests they came from. Returns how many
     * objects were queued.
     *
     * @throws ClientError 409 when Braze is not configured
     */
    public int resendAll() {
        if (!writer.configured()) {
            throw ClientError.conflict("braze_not_configured",
                    "Braze is not configured: the selected environment of parley.yml has no braze key");
        }
        int queued = 0;
        List<DeadLetter> letters;
        do {
            letters = db.read(h -> store.open(h, LIST_LIMIT));
            for (DeadLetter letter : letters) {
                queued += db.write(tx -> store.markResent(tx, letter.id(), clock.instant())
                        ? queued(tx, BrazeUpdate.fromJson(letter.objects())) : 0);
            }
        } while (letters.size() == LIST_LIMIT);
        return queued;
    }

    private static void requireArraysOnly(JsonNode body) {
        body.fieldNames().forEachRemaining(key -> {
            if (!List.of("attributes", "events", "purchases").contains(key)) {
                throw ClientError.badRequest("invalid_parameter", "unknown key '" + key
                        + "'; the body takes attributes, events and purchases", key);
            }
        });
    }

    private int queued(Tx tx, BrazeUpdate update) {
        return switch (writer.track(tx, Optional.empty(), update)) {
            case TrackOutcome.Queued q -> q.queued();
            case TrackOutcome.NotConfigured n -> throw ClientError.conflict("braze_not_configured", n.reason());
        };
    }
}
