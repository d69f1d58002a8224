package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Braze's rules for one object of a {@code /users/track} body (identifier, time and date formats,
 * required fields, limits). Each check answers the first problem found, naming the field and the rule.
 */
final class ObjectChecks {
    static final int MAX_TEXT = 255;
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.:]\\d{1,9})?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Set<String> EVENT_RESERVED = Set.of("time", "event_name");
    private static final Set<String> PURCHASE_RESERVED = Set.of("time", "event_name", "product_id", "quantity", "price",
            "currency");
    private static final Set<String> DATE_TIME_ATTRIBUTES = Set.of("date_of_first_session", "date_of_last_session",
            "marked_email_as_spam_at");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "gender", Set.of("M", "F", "O", "N", "P"),
            "email_subscribe", Set.of("opted_in", "subscribed", "unsubscribed"),
            "push_subscribe", Set.of("opted_in", "subscribed", "unsubscribed"));
    private static final List<String> COMMON = List.of("external_id", "user_alias", "braze_id", "email", "phone",
            "app_id", "time", "properties", "_update_existing_only");
    private static final List<String> EVENT_KEYS = with(COMMON, "name");
    private static final List<String> PURCHASE_KEYS = with(COMMON, "product_id", "currency", "price", "quantity");

    private ObjectChecks() {}

    /** The problem with {@code node} as an object of {@code kind}, if any. */
    static Optional<String> problem(Kind kind, JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return Optional.of("must be a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        return identifier(object).or(() -> switch (kind) {
            case ATTRIBUTES -> attributes(object);
            case EVENTS -> onlyKeys(object, EVENT_KEYS, kind).or(() -> event(object))
                    .or(() -> timeAndProperties(object, EVENT_RESERVED));
            case PURCHASES -> onlyKeys(object, PURCHASE_KEYS, kind).or(() -> purchase(object))
                    .or(() -> timeAndProperties(object, PURCHASE_RESERVED));
        });
    }

    /** True for ISO 8601 as Braze reads it: a date, or a date and time with an optional offset. */
    static boolean isoTime(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches() || !realDate(m.group(1), m.group(2), m.group(3))) {
            return false;
        }
        try {
            if (m.group(4) != null) {
                LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Optional<String> identifier(ObjectNode object) {
        for (String key : Identity.KEYS) {
            JsonNode value = object.path(key);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            boolean ok = key.equals("user_alias") ? Identity.alias(value) : value.isTextual() && !value.asText().isBlank();
            if (!ok) {
                return Optional.of(key.equals("user_alias")
                        ? "user_alias needs alias_name and alias_label, both non-empty text"
                        : key + " must be non-empty text");
            }
        }
        return Identity.of(object).isPresent() ? Optional.empty()
                : Optional.of("no identifier: name the user with one of " + String.join(", ", Identity.KEYS)
                        + " (user_alias as {alias_name, alias_label})");
    }

    private static Optional<String> attributes(ObjectNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            Optional<String> problem = name(key, "attribute");
            if (problem.isEmpty() && key.equals("dob") && !value.isNull()
                    && !(value.isTextual() && isDate(value.asText()))) {
                problem = Optional.of("dob: " + quote(value) + " is not a date written YYYY-MM-DD");
            } else if (problem.isEmpty() && DATE_TIME_ATTRIBUTES.contains(key) && !value.isNull()
                    && !(value.isTextual() && isoTime(value.asText()))) {
                problem = Optional.of(key + ": " + quote(value) + " is not an ISO 8601 time (such as 2024-05-01T14:03:22Z)");
            } else if (problem.isEmpty() && ENUMS.containsKey(key) && !value.isNull()
                    && !ENUMS.get(key).contains(value.asText())) {
                problem = Optional.of(key + ": " + quote(value) + " is not one of " + String.join(", ",
                        ENUMS.get(key).stream().sorted().toList()));
            } else if (problem.isEmpty() && !key.equals("user_alias")) {
                problem = AttributeValues.problem(key, value);
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> event(ObjectNode object) {
        JsonNode name = object.path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            return Optional.of("name: an event needs a name (non-empty text)");
        }
        if (name.asText().length() > MAX_TEXT) {
            return Optional.of("name: at most " + MAX_TEXT + " characters, got " + name.asText().length());
        }
        return Optional.empty();
    }

    private static Optional<String> purchase(ObjectNode object) {
        JsonNode product = object.path("product_id");
        if (!product.isTextual() || product.asText().isBlank() || product.asText().length() > MAX_TEXT) {
            return Optional.of("product_id: a purchase needs a product_id (text of 1 to " + MAX_TEXT + " characters)");
        }
        JsonNode currency = object.path("currency");
        if (!currency.isTextual() || !isCurrency(currency.asText())) {
            return Optional.of("currency: " + (currency.isMissingNode() ? "a purchase needs a currency"
                    : quote(currency) + " is not a currency") + " (an ISO 4217 code in capitals, such as USD)");
        }
        if (!object.path("price").isNumber()) {
            return Optional.of("price: a purchase needs a price (a number)");
        }
        JsonNode quantity = object.path("quantity");
        if (!quantity.isMissingNode() && !(quantity.canConvertToInt() && quantity.isIntegralNumber()
                && quantity.asInt() >= 1 && quantity.asInt() <= 100)) {
            return Optional.of("quantity: " + quote(quantity) + " is not a whole number from 1 to 100");
        }
        return Optional.empty();
    }

    private static Optional<String> timeAndProperties(ObjectNode object, Set<String> reserved) {
        JsonNode time = object.path("time");
        if (!time.isMissingNode() && !(time.isTextual() && isoTime(time.asText()))) {
            return Optional.of("time: " + quote(time) + " is not an ISO 8601 time (such as 2024-05-01T14:03:22Z);"
                    + " leave it out to use the moment of sending");
        }
        JsonNode appId = object.path("app_id");
        if (!appId.isMissingNode() && !appId.isTextual()) {
            return Optional.of("app_id: must be text");
        }
        JsonNode properties = object.path("properties");
        if (properties.isMissingNode()) {
            return Optional.empty();
        }
        if (!properties.isObject()) {
            return Optional.of("properties: must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (reserved.contains(p.getKey())) {
                return Optional.of("properties." + p.getKey() + ": Braze reserves this name; rename the property");
            }
            Optional<String> problem = name(p.getKey(), "property");
            if (problem.isPresent()) {
                return problem.map(text -> "properties." + text);
            }
            if (p.getValue().isTextual() && p.getValue().asText().length() > MAX_TEXT) {
                return Optional.of("properties." + p.getKey() + ": text values have at most " + MAX_TEXT
                        + " characters, got " + p.getValue().asText().length());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> onlyKeys(ObjectNode object, List<String> allowed, Kind kind) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                return Optional.of(key + ": unknown key; " + kind.array() + " take " + String.join(", ", allowed));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> name(String key, String what) {
        if (key.isEmpty() || key.length() > MAX_TEXT || key.startsWith("$")) {
            return Optional.of(quoteText(key) + ": " + what + " names have 1 to " + MAX_TEXT
                    + " characters and do not start with '$'");
        }
        return Optional.empty();
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        Matcher m = DATE.matcher(text);
        return m.matches() && realDate(m.group(1), m.group(2), m.group(3));
    }

    private static boolean realDate(String year, String month, String day) {
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String quote(JsonNode value) {
        return value.isTextual() ? quoteText(value.asText()) : value.isMissingNode() ? "nothing" : value.toString();
    }

    private static String quoteText(String text) {
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> keys = new ArrayList<>(base);
        keys.addAll(List.of(more));
        return List.copyOf(keys);
    }
}
