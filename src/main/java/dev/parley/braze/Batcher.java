package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns pending objects from all conversations into the next request: up to {@code batchSize}
 * attribute objects, events and purchases each, oldest first, attributes reduced to what changed. The
 * request is recorded (with its objects assigned to it) in the caller's transaction, before it is sent.
 * A partial batch waits up to {@link #LINGER} for company, so that a steady trickle of updates still
 * leaves in few requests.
 */
final class Batcher {
    static final Duration LINGER = Duration.ofMillis(500);

    private final BrazeStore store;
    private final Ids ids;
    private final int batchSize;
    private final Optional<String> partner;

    /** What the next step is. */
    sealed interface Formation {
        record Formed(SendRequest request) implements Formation {}

        record Nothing() implements Formation {}

        record WaitUntil(Instant due) implements Formation {}
    }

    Batcher(BrazeStore store, Ids ids, int batchSize, Optional<String> partner) {
        this.store = store;
        this.ids = ids;
        this.batchSize = batchSize;
        this.partner = partner;
    }

    Formation form(Tx tx, Instant now) {
        Optional<Instant> oldest = store.oldestPending(tx.handle());
        if (oldest.isEmpty()) {
            return new Formation.Nothing();
        }
        if (oldest.get().plus(LINGER).isAfter(now) && store.countPending(tx.handle()) < batchSize) {
            return new Formation.WaitUntil(oldest.get().plus(LINGER));
        }
        ObjectNode body = Json.object();
        List<String> members = new ArrayList<>();
        ArrayNode attributes = attributes(tx, members);
        ArrayNode events = plain(tx, Kind.EVENTS, members);
        ArrayNode purchases = plain(tx, Kind.PURCHASES, members);
        if (members.isEmpty()) {
            return new Formation.Nothing();
        }
        putIfAny(body, Kind.ATTRIBUTES, attributes);
        putIfAny(body, Kind.EVENTS, events);
        putIfAny(body, Kind.PURCHASES, purchases);
        partner.ifPresent(p -> body.put("partner", p));
        String id = ids.next("bzr");
        store.insertRequest(tx, id, body, members.size(), now);
        store.assign(tx, members, id);
        return new Formation.Formed(new SendRequest(id, body, members.size(), 0, now));
    }

    /** Attribute objects reduced to their changes; objects left with nothing to say are dropped. */
    private ArrayNode attributes(Tx tx, List<String> members) {
        ArrayNode out = Json.array();
        while (out.size() < batchSize) {
            List<PendingObject> round = store.pending(tx.handle(), Kind.ATTRIBUTES, batchSize - out.size());
            if (round.isEmpty()) {
                break;
            }
            Map<String, Map<String, String>> known = store.attributesSent(tx.handle(),
                    round.stream().map(PendingObject::identity).distinct().toList());
            List<String> dropped = new ArrayList<>();
            for (PendingObject object : round) {
                Optional<ObjectNode> changed = AttributeDeltas.changed(object.body(),
                        known.getOrDefault(object.identity(), Map.of()));
                if (changed.isPresent()) {
                    out.add(changed.get());
                    members.add(object.id());
                } else {
                    dropped.add(object.id());
                }
            }
            store.deleteObjects(tx, dropped);
            store.assign(tx, members, "forming");
        }
        return out;
    }

    private ArrayNode plain(Tx tx, Kind kind, List<String> members) {
        ArrayNode out = Json.array();
        for (PendingObject object : store.pending(tx.handle(), kind, batchSize)) {
            out.add(object.body());
            members.add(object.id());
        }
        return out;
    }

    private static void putIfAny(ObjectNode body, Kind kind, ArrayNode items) {
        if (!items.isEmpty()) {
            body.set(kind.array(), items);
        }
    }
}
