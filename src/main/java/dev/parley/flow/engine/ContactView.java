package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Keeps the flow's view of the contact (or conversation) in step with the updates it sends. */
final class ContactView {

    private ContactView() {
    }

    /** Sets the updated fields; {@code custom_fields} are merged, as the update itself does. */
    static void apply(ObjectNode view, ObjectNode fields) {
        fields.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (entry.getKey().equals("custom_fields") && value.isObject() && view.path("custom_fields").isObject()) {
                ((ObjectNode) view.get("custom_fields")).setAll((ObjectNode) value);
            } else {
                view.set(entry.getKey(), value);
            }
        });
    }
}
