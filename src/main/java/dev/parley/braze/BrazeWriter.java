package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BrazeConfig;
import dev.parley.config.BrazeRetargeting;
import dev.parley.conversation.Contact;
import dev.parley.json.Json;
import dev.parley.outbox.Outbox;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * The way features send users' attributes, custom events and purchases to Braze ({@code /users/track}).
 * {@link #track} checks every object and stores the accepted ones in the caller's transaction; they
 * leave through the outbox, batched with everything else pending, so a Braze outage or a 429 delays
 * them and never loses them. Braze has no idempotency key, so delivery is at least once: every event and
 * purchase gets an {@code event_id} property when it is tracked, the same on every retry, by which
 * analysts tell a duplicate from a second event.
 */
public final class BrazeWriter {
    /**
     * How an object that names no user is named when it is tracked for a conversation: by the contact's
     * external customer id, else by the alias Parley gives the contact.
     */
    static final List<BrazeRetargeting.IdentifyBy> CONTACT_NAME = List.of(BrazeRetargeting.IdentifyBy.EXTERNAL_ID,
            BrazeRetargeting.IdentifyBy.ALIAS);

    /** The property that names one tracked event or purchase, stable across retries and re-sends. */
    public static final String EVENT_ID = "event_id";

    private final Clock clock;
    private final Ids ids;
    private final Optional<BrazeConfig> braze;
    private final Outbox outbox;
    private final BrazeStore store;
    private final BrazeAliases aliases;
    private final BiFunction<Handle, String, Optional<Contact>> contactOf;
    private final AtomicLong lastSeq = new AtomicLong();

    /** @param contactOf the contact of a conversation, read in the caller's transaction */
    BrazeWriter(Clock clock, Ids ids, Optional<BrazeConfig> braze, Outbox outbox, BrazeStore store,
            BrazeAliases aliases, BiFunction<Handle, String, Optional<Contact>> contactOf) {
        this.clock = clock;
        this.ids = ids;
        this.braze = braze;
        this.outbox = outbox;
        this.store = store;
        this.aliases = aliases;
        this.contactOf = contactOf;
    }

    /** The fields naming {@code contact} in Braze by the first of {@code identifyBy} it has (see {@link BrazeAliases}). */
    Optional<ObjectNode> name(Tx tx, Contact contact, List<BrazeRetargeting.IdentifyBy> identifyBy) {
        return aliases.name(tx, contact, identifyBy);
    }

    /**
     * Checks {@code update} and stores what passes, in {@code tx}. An event or purchase without
     * {@code time} gets the current time (ISO 8601 with offset), and one without an {@code event_id}
     * property gets one. Objects that fail a check are not
     * stored and come back in {@link TrackOutcome.Queued#refused()}, each with its reason.
     *
     * @param conversationId the conversation the update comes from, when there is one (kept with the objects);
     *                       objects that name no user are then about its contact ({@link #CONTACT_NAME})
     */
    public TrackOutcome track(Tx tx, Optional<String> conversationId, BrazeUpdate update) {
        if (braze.isEmpty()) {
            return new TrackOutcome.NotConfigured("Braze is not configured: the selected environment of parley.yml"
                    + " has no braze key (url, api_key_env)");
        }
        Instant now = clock.instant();
        List<TrackOutcome.Refusal> refused = new ArrayList<>();
        int queued = 0;
        Optional<ObjectNode> contact = conversationId.filter(c -> update.anyUnnamed())
                .flatMap(c -> contactOf.apply(tx.handle(), c))
                .flatMap(c -> name(tx, c, CONTACT_NAME));
        for (Kind kind : Kind.values()) {
            List<JsonNode> items = contact.map(fields -> update.named(kind, fields)).orElseGet(() -> update.of(kind));
            for (int i = 0; i < items.size(); i++) {
                Optional<String> problem = ObjectChecks.problem(kind, items.get(i));
                if (problem.isPresent()) {
                    refused.add(new TrackOutcome.Refusal(kind.array(), i, problem.get()));
                    continue;
                }
                ObjectNode object = ((ObjectNode) items.get(i)).deepCopy();
                if (kind != Kind.ATTRIBUTES && !object.has("time")) {
                    object.put("time", iso(now));
                }
                if (kind != Kind.ATTRIBUTES && !object.path("properties").has(EVENT_ID)) {
                    object.withObject("properties").put(EVENT_ID, ids.next("evt"));
                }
                store.insertObject(tx, ids.next("bzo"), nextSeq(now), conversationId, kind,
                        Identity.of(object).orElseThrow().value(), object, now);
                queued++;
            }
        }
        if (queued > 0 && store.bumpWake(tx) == 1) {
            BrazeSender.queue(outbox, tx, now);
        }
        return new TrackOutcome.Queued(queued, refused);
    }

    /**
     * Checks {@code update} without storing anything; the refusals {@link #track} would answer. With
     * {@code aboutAContact}, objects that name no user are checked as they will be sent: named after the
     * conversation's contact.
     */
    public List<TrackOutcome.Refusal> check(BrazeUpdate update, boolean aboutAContact) {
        List<TrackOutcome.Refusal> refused = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<JsonNode> items = aboutAContact ? update.named(kind, Json.object().put("external_id", "contact"))
                    : update.of(kind);
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                ObjectChecks.problem(kind, items.get(i))
                        .ifPresent(p -> refused.add(new TrackOutcome.Refusal(kind.array(), index, p)));
            }
        }
        return refused;
    }

    /** Whether the selected environment has a Braze account. */
    public boolean configured() {
        return braze.isPresent();
    }

    /** Orders objects as they were tracked: microseconds of the clock, never twice the same. */
    private long nextSeq(Instant now) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return lastSeq.updateAndGet(last -> Math.max(last + 1, micros));
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS)
                .atOffset(ZoneOffset.UTC));
    }
}
