package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which objects of a request Braze's non-fatal errors name. An error with {@code input_array} and
 * {@code index} names one object; an error without them names none for sure, so it is kept with every
 * object of its array (or of the request) as possibly not applied, rather than lost.
 */
final class RefusedObjects {
    private RefusedObjects() {}

    /** The objects of {@code body} the errors point at, as {@code {attributes, events, purchases}}. */
    static ObjectNode of(ObjectNode body, List<BrazeAnswer.ItemError> errors) {
        ObjectNode objects = empty();
        Set<String> seen = new HashSet<>();
        for (BrazeAnswer.ItemError e : errors) {
            for (Kind kind : kinds(e)) {
                ArrayNode sent = array(body, kind);
                for (int i = 0; i < sent.size(); i++) {
                    if (e.index().map(Integer.valueOf(i)::equals).orElse(true) && seen.add(kind.array() + i)) {
                        ((ArrayNode) objects.get(kind.array())).add(sent.get(i));
                    }
                }
            }
        }
        return objects;
    }

    /** The indexes of attribute objects Braze may not have applied. */
    static Set<Integer> attributeIndexes(ObjectNode body, List<BrazeAnswer.ItemError> errors) {
        Set<Integer> refused = new HashSet<>();
        for (BrazeAnswer.ItemError e : errors) {
            if (kinds(e).contains(Kind.ATTRIBUTES)) {
                int size = array(body, Kind.ATTRIBUTES).size();
                for (int i = 0; i < size; i++) {
                    if (e.index().map(Integer.valueOf(i)::equals).orElse(true)) {
                        refused.add(i);
                    }
                }
            }
        }
        return refused;
    }

    /** Every object of {@code body}, as {@code {attributes, events, purchases}}. */
    static ObjectNode all(ObjectNode body) {
        ObjectNode objects = empty();
        for (Kind kind : Kind.values()) {
            objects.set(kind.array(), array(body, kind).deepCopy());
        }
        return objects;
    }

    static ArrayNode array(ObjectNode body, Kind kind) {
        return body.path(kind.array()) instanceof ArrayNode a ? a : Json.array();
    }

    private static List<Kind> kinds(BrazeAnswer.ItemError e) {
        Optional<Kind> named = e.inputArray().filter(RefusedObjects::isArray).map(Kind::ofArray);
        return named.map(List::of).orElse(List.of(Kind.values()));
    }

    private static ObjectNode empty() {
        ObjectNode objects = Json.object();
        for (Kind kind : Kind.values()) {
            objects.putArray(kind.array());
        }
        return objects;
    }

    private static boolean isArray(String name) {
        return name.equals("attributes") || name.equals("events") || name.equals("purchases");
    }

    static boolean anyObject(JsonNode objects) {
        return objects.path("attributes").size() + objects.path("events").size() + objects.path("purchases").size() > 0;
    }
}
