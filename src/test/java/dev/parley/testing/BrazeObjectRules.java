package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Braze checks of one object of a {@code /users/track} body, written from Braze's documentation
 * (user attributes, event and purchase objects). A problem is a "minor" error: Braze answers 201 and
 * names the object by {@code input_array} and {@code index}, and applies the others.
 */
final class BrazeObjectRules {
    static final int MAX_TEXT = 255;
    private static final Pattern ISO = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.:]\\d{1,6})?)?(Z|[+-]\\d{1,2}(:?\\d{2})?)?)?$");
    private static final Pattern DOB = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final List<String> IDS = List.of("external_id", "user_alias", "braze_id", "email", "phone");
    private static final Set<String> EVENT_RESERVED = Set.of("time", "event_name");
    private static final Set<String> PURCHASE_RESERVED = Set.of("time", "product_id", "quantity", "event_name",
            "price", "currency");
    private static final Set<String> SUBSCRIBE = Set.of("opted_in", "subscribed", "unsubscribed");

    private BrazeObjectRules() {}

    static Optional<String> problem(String array, JsonNode item) {
        if (!item.isObject()) {
            return Optional.of("object is not an object");
        }
        if (IDS.stream().noneMatch(id -> identifies(id, item.path(id)))) {
            return Optional.of("'external_id' or 'braze_id' or 'user_alias' or 'email' or 'phone' is required");
        }
        return switch (array) {
            case "attributes" -> attributes(item);
            case "events" -> event(item);
            default -> purchase(item);
        };
    }

    static boolean identifies(String key, JsonNode value) {
        return key.equals("user_alias")
                ? value.path("alias_name").isTextual() && !value.path("alias_name").asText().isEmpty()
                        && value.path("alias_label").isTextual() && !value.path("alias_label").asText().isEmpty()
                : value.isTextual() && !value.asText().isEmpty();
    }

    private static Optional<String> attributes(JsonNode item) {
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("user_alias") || key.equals("subscription_groups")) {
                continue;
            }
            if (value.isTextual() && value.asText().length() > MAX_TEXT) {
                return Optional.of("'" + key + "' is longer than " + MAX_TEXT + " characters");
            }
            if (key.equals("dob") && !value.isNull() && !DOB.matcher(value.asText()).matches()) {
                return Optional.of("'dob' must be YYYY-MM-DD, got " + value);
            }
            if ((key.equals("email_subscribe") || key.equals("push_subscribe")) && !SUBSCRIBE.contains(value.asText())) {
                return Optional.of("'" + key + "' must be opted_in, subscribed or unsubscribed, got " + value);
            }
            if (value.has("inc") && !value.path("inc").isIntegralNumber()) {
                return Optional.of("'" + key + "': 'inc' needs an integer, got " + value.path("inc"));
            }
            for (String op : List.of("add", "remove")) {
                if (value.has(op) && !value.path(op).isArray()) {
                    return Optional.of("'" + key + "': '" + op + "' needs an array, got " + value.path(op));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> event(JsonNode item) {
        if (!item.path("name").isTextual() || item.path("name").asText().isEmpty()) {
            return Optional.of("'name' is required");
        }
        if (item.path("name").asText().length() > MAX_TEXT) {
            return Optional.of("'name' is longer than " + MAX_TEXT + " characters");
        }
        return time(item).or(() -> properties(item, EVENT_RESERVED));
    }

    private static Optional<String> purchase(JsonNode item) {
        JsonNode product = item.path("product_id");
        if (!product.isTextual() || product.asText().isEmpty() || product.asText().length() > MAX_TEXT) {
            return Optional.of("'product_id' is required, at most " + MAX_TEXT + " characters");
        }
        if (!item.path("currency").isTextual() || !currency(item.path("currency").asText())) {
            return Optional.of("'currency' must be an ISO 4217 alphabetic code, got " + item.path("currency"));
        }
        if (!item.path("price").isNumber()) {
            return Optional.of("'price' must be a number, got " + item.path("price"));
        }
        JsonNode quantity = item.path("quantity");
        if (!quantity.isMissingNode() && !(quantity.isIntegralNumber() && quantity.asInt() >= 1
                && quantity.asInt() <= 100)) {
            return Optional.of("'quantity' must be an integer from 1 to 100, got " + quantity);
        }
        return time(item).or(() -> properties(item, PURCHASE_RESERVED));
    }

    private static Optional<String> time(JsonNode item) {
        return item.path("time").isTextual() && ISO.matcher(item.path("time").asText()).matches() ? Optional.empty()
                : Optional.of("'time' must be an ISO 8601 time, got " + item.path("time"));
    }

    private static Optional<String> properties(JsonNode item, Set<String> reserved) {
        for (Map.Entry<String, JsonNode> p : item.path("properties").properties()) {
            if (reserved.contains(p.getKey())) {
                return Optional.of("property '" + p.getKey() + "' is reserved");
            }
            if (p.getKey().isEmpty() || p.getKey().length() > MAX_TEXT || p.getKey().startsWith("$")) {
                return Optional.of("property name '" + p.getKey() + "' is invalid");
            }
            if (p.getValue().isTextual() && p.getValue().asText().length() > MAX_TEXT) {
                return Optional.of("property '" + p.getKey() + "' is longer than " + MAX_TEXT + " characters");
            }
        }
        return Optional.empty();
    }

    private static boolean currency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
