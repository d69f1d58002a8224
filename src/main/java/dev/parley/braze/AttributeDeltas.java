package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends only what changed: an attribute whose value Braze already took for the same user is left out
 * (Braze bills every data point written, changed or not). Values that are operations or nested objects
 * ({@code {"inc": 1}}, {@code {"add": [...]}}, …) are always sent and never remembered.
 */
final class AttributeDeltas {
    private static final Set<String> CONTROL = Set.of("_update_existing_only", "_merge_objects", "push_token_import");

    private final BrazeStore store;

    AttributeDeltas(BrazeStore store) {
        this.store = store;
    }

    /**
     * {@code object} without the attributes whose value is in {@code known}; empty when nothing but the
     * identifier (and control flags) would be left.
     */
    static Optional<ObjectNode> changed(ObjectNode object, Map<String, String> known) {
        String identityKey = Identity.of(object).map(Identity::key).orElse("");
        ObjectNode left = object.deepCopy();
        boolean anything = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = left.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(identityKey) || CONTROL.contains(field.getKey())) {
                continue;
            }
            if (!field.getValue().isObject() && Json.write(field.getValue()).equals(known.get(field.getKey()))) {
                it.remove();
            } else {
                anything = true;
            }
        }
        return anything ? Optional.of(left) : Optional.empty();
    }

    /** Records the values of the attribute objects Braze took ({@code refused} lists the indexes it did not). */
    void remember(Tx tx, ArrayNode attributes, Set<Integer> refused, Instant now) {
        for (int i = 0; i < attributes.size(); i++) {
            if (refused.contains(i) || !(attributes.get(i) instanceof ObjectNode object)) {
                continue;
            }
            Optional<Identity> identity = Identity.of(object);
            if (identity.isEmpty()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals(identity.get().key()) && !CONTROL.contains(field.getKey())
                        && !field.getValue().isObject()) {
                    store.rememberAttribute(tx, identity.get().value(), field.getKey(), Json.write(field.getValue()),
                            now);
                }
            }
        }
    }
}
