package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bisects a request Braze refused as a whole (too large, or a problem it did not pin on one object):
 * the objects in their order (attributes, events, purchases), first half and second half, each a new
 * request with the same {@code partner}. Repeated, this isolates the offending objects in requests of one.
 */
final class RequestSplit {
    private RequestSplit() {}

    static List<SendRequest> halves(SendRequest request, Ids ids, Instant now) {
        List<Map.Entry<Kind, JsonNode>> objects = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            RefusedObjects.array(request.body(), kind).forEach(o -> objects.add(Map.entry(kind, o)));
        }
        int middle = objects.size() / 2;
        // the second half is recorded a millisecond later, so it is sent after the first
        return List.of(request(objects.subList(0, middle), request.body(), ids, now),
                request(objects.subList(middle, objects.size()), request.body(), ids, now.plusMillis(1)));
    }

    private static SendRequest request(List<Map.Entry<Kind, JsonNode>> objects, ObjectNode original, Ids ids,
            Instant at) {
        ObjectNode body = Json.object();
        objects.forEach(object -> body.withArray(object.getKey().array()).add(object.getValue()));
        original.properties().stream().filter(e -> !RequestSplit.isArray(e.getKey()))
                .forEach(e -> body.set(e.getKey(), e.getValue()));
        return new SendRequest(ids.next("bzr"), body, objects.size(), 0, at);
    }

    private static boolean isArray(String key) {
        return key.equals("attributes") || key.equals("events") || key.equals("purchases");
    }
}
