package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feature wants Braze to know: attribute objects, custom events and purchases, each written as
 * Braze's {@code /users/track} takes them (every object names its user by {@code external_id},
 * {@code user_alias}, {@code braze_id}, {@code email} or {@code phone}). Objects are checked by
 * {@link BrazeWriter#track}; anything that is not a JSON object is refused there with a reason.
 */
public record BrazeUpdate(List<JsonNode> attributes, List<JsonNode> events, List<JsonNode> purchases) {
    private static final List<String> BRAZE_IDS = List.of("external_id", "user_alias", "braze_id");

    public BrazeUpdate {
        attributes = List.copyOf(attributes);
        events = List.copyOf(events);
        purchases = List.copyOf(purchases);
    }

    /**
     * Reads {@code {"attributes": [...], "events": [...], "purchases": [...]}}, as a flow's
     * {@code braze.track} node or an admin's corrected dead letter writes it. Each key is optional; a
     * single object instead of a list counts as a list of one.
     */
    public static BrazeUpdate fromJson(JsonNode body) {
        return new BrazeUpdate(items(body.path("attributes")), items(body.path("events")),
                items(body.path("purchases")));
    }

    /** Just attribute objects. */
    public static BrazeUpdate ofAttributes(List<? extends JsonNode> attributes) {
        return new BrazeUpdate(List.copyOf(attributes), List.of(), List.of());
    }

    /** Just custom events. */
    public static BrazeUpdate ofEvents(List<? extends JsonNode> events) {
        return new BrazeUpdate(List.of(), List.copyOf(events), List.of());
    }

    /** The objects of one array. */
    List<JsonNode> of(Kind kind) {
        return switch (kind) {
            case ATTRIBUTES -> attributes;
            case EVENTS -> events;
            case PURCHASES -> purchases;
        };
    }

    /**
     * True when an object names no user by a Braze id ({@code external_id}, {@code user_alias},
     * {@code braze_id}); its {@code email} and {@code phone} are then attributes of the user it is given.
     */
    boolean anyUnnamed() {
        for (Kind kind : Kind.values()) {
            if (of(kind).stream().anyMatch(BrazeUpdate::unnamed)) {
                return true;
            }
        }
        return false;
    }

    /** The objects of one array, those that name no user given {@code name}'s fields first. */
    List<JsonNode> named(Kind kind, ObjectNode name) {
        return of(kind).stream().<JsonNode>map(item -> {
            if (!unnamed(item)) {
                return item;
            }
            ObjectNode named = name.deepCopy();
            named.setAll((ObjectNode) item);
            return named;
        }).toList();
    }

    private static boolean unnamed(JsonNode item) {
        return item instanceof ObjectNode object && BRAZE_IDS.stream().noneMatch(object::has);
    }

    /** The number of objects. */
    public int size() {
        return attributes.size() + events.size() + purchases.size();
    }

    private static List<JsonNode> items(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(node);
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }
}
