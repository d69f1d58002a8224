package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.BrazeConfig;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns pending objects from all conversations into the next request, oldest first, attributes reduced
 * to what changed, within Braze's limit: {@code limit} objects in all (current contracts), or
 * {@code limit} attribute objects, events and purchases each ({@link BrazeConfig.BatchLimitMode#PER_ARRAY},
 * legacy contracts). The request is recorded (with its objects assigned to it) in the caller's
 * transaction, before it is sent. A partial batch waits up to {@link #LINGER} for company, so that a
 * steady trickle of updates still leaves in few requests.
 */
final class Batcher {
    static final Duration LINGER = Duration.ofMillis(500);

    private final BrazeStore store;
    private final Ids ids;
    private final int limit;
    private final BrazeConfig.BatchLimitMode mode;
    private final Optional<String> partner;
    private final AttributeDeltas deltas;

    /** What the next step is. */
    sealed interface Formation {
        record Formed(SendRequest request) implements Formation {}

        record Nothing() implements Formation {}

        record WaitUntil(Instant due) implements Formation {}
    }

    Batcher(BrazeStore store, Ids ids, int limit, BrazeConfig.BatchLimitMode mode, Optional<String> partner,
            AttributeDeltas deltas) {
        this.store = store;
        this.ids = ids;
        this.limit = limit;
        this.mode = mode;
        this.partner = partner;
        this.deltas = deltas;
    }

    Formation form(Tx tx, Instant now) {
        Optional<Instant> oldest = store.oldestPending(tx.handle());
        if (oldest.isEmpty()) {
            return new Formation.Nothing();
        }
        if (oldest.get().plus(LINGER).isAfter(now) && store.countPending(tx.handle()) < limit) {
            return new Formation.WaitUntil(oldest.get().plus(LINGER));
        }
        Map<Kind, ArrayNode> arrays = new EnumMap<>(Kind.class);
        List<String> members = new ArrayList<>();
        switch (mode) {
            case COMBINED -> fill(tx, EnumSet.allOf(Kind.class), arrays, members, now);
            case PER_ARRAY -> EnumSet.allOf(Kind.class).forEach(kind -> fill(tx, EnumSet.of(kind), arrays, members,
                    now));
        }
        if (members.isEmpty()) {
            return new Formation.Nothing();
        }
        ObjectNode body = Json.object();
        for (Kind kind : Kind.values()) {
            Optional.ofNullable(arrays.get(kind)).filter(a -> !a.isEmpty()).ifPresent(a -> body.set(kind.array(), a));
        }
        partner.ifPresent(p -> body.put("partner", p));
        String id = ids.next("bzr");
        store.insertRequest(tx, id, body, members.size(), now);
        store.assign(tx, members, id);
        return new Formation.Formed(new SendRequest(id, body, members.size(), 0, now));
    }

    /** Adds the oldest pending objects of {@code kinds} until {@code limit} of them are in; unchanged attributes drop out. */
    private void fill(Tx tx, Set<Kind> kinds, Map<Kind, ArrayNode> arrays, List<String> members, Instant now) {
        int taken = 0;
        while (taken < limit) {
            List<PendingObject> round = store.pending(tx.handle(), kinds, limit - taken);
            if (round.isEmpty()) {
                break;
            }
            Map<String, Map<String, String>> known = deltas.known(tx.handle(), round.stream()
                    .filter(o -> o.kind() == Kind.ATTRIBUTES).map(PendingObject::identity).distinct().toList(), now);
            List<String> dropped = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (PendingObject object : round) {
                Optional<ObjectNode> body = object.kind() == Kind.ATTRIBUTES
                        ? AttributeDeltas.changed(object.body(), known.getOrDefault(object.identity(), Map.of()))
                        : Optional.of(object.body());
                if (body.isPresent()) {
                    arrays.computeIfAbsent(object.kind(), k -> Json.array()).add(body.get());
                    added.add(object.id());
                    taken++;
                } else {
                    dropped.add(object.id());
                }
            }
            store.deleteObjects(tx, dropped);
            store.assign(tx, added, "forming");
            members.addAll(added);
        }
    }
}
