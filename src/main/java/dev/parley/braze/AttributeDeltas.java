package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Sends only what changed: an attribute whose value Braze took for the same user within the delta memory
 * is left out (Braze bills every data point written, changed or not). The memory expires, because other
 * sources change Braze too, and a {@code braze.profile} look-up replaces it with what Braze showed.
 * Values that are operations or nested objects ({@code {"inc": 1}}, {@code {"add": [...]}}, …) are always
 * sent and never remembered, and so are consent fields: a contact's subscription answer always reaches Braze.
 */
final class AttributeDeltas {
    private static final Set<String> CONTROL = Set.of("_update_existing_only", "_merge_objects", "push_token_import");
    static final Set<String> CONSENT = Set.of("email_subscribe", "push_subscribe", "subscription_groups");

    private final BrazeStore store;
    private final Duration memory;

    AttributeDeltas(BrazeStore store, Duration memory) {
        this.store = store;
        this.memory = memory;
    }

    /** What is remembered of these users, not older than the memory lasts. */
    Map<String, Map<String, String>> known(Handle h, List<String> identities, Instant now) {
        return store.attributesSent(h, identities, now.minus(memory));
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
            if (remembers(field) && Json.write(field.getValue()).equals(known.get(field.getKey()))) {
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
                if (!field.getKey().equals(identity.get().key()) && !CONTROL.contains(field.getKey()) && remembers(field)) {
                    store.rememberAttribute(tx, identity.get().value(), field.getKey(), Json.write(field.getValue()),
                            now);
                }
            }
        }
    }

    /**
     * Replaces what is remembered of {@code identity} by what a {@code /users/export/ids} answer showed of
     * it: standard fields and {@code custom_attributes} become the known values, everything else is forgotten.
     */
    void refresh(Tx tx, String identity, ObjectNode user, Instant now) {
        store.forgetAttributes(tx, identity);
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            if (field.getKey().equals("custom_attributes")) {
                field.getValue().properties().forEach(custom -> rememberShown(tx, identity, custom, now));
            } else if (!Identity.KEYS.contains(field.getKey())) {
                rememberShown(tx, identity, field, now);
            }
        }
    }

    private void rememberShown(Tx tx, String identity, Map.Entry<String, JsonNode> field, Instant now) {
        if (remembers(field) && !field.getValue().isNull()) {
            store.rememberAttribute(tx, identity, field.getKey(), Json.write(field.getValue()), now);
        }
    }

    private static boolean remembers(Map.Entry<String, JsonNode> field) {
        return !field.getValue().isObject() && !CONSENT.contains(field.getKey());
    }
}
