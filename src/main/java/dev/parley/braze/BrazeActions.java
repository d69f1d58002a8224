package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.engine.ActionCall;
import dev.parley.flow.engine.ActionCaller;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flow action nodes {@code braze.track} (queues {@code /users/track} objects with the flow's
 * step, so a step that does not commit queues nothing) and {@code braze.profile} (looks a user up).
 */
public final class BrazeActions {
    public static final String TRACK = "braze.track";
    public static final String PROFILE = "braze.profile";

    private final BrazeWriter writer;
    private final BrazeReader reader;

    public BrazeActions(BrazeWriter writer, BrazeReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** The two actions by name. */
    public Map<String, ActionCaller> callers() {
        return Map.of(TRACK, (name, request) -> track(request), PROFILE, (name, request) -> profile(request));
    }

    private ActionCall track(ActionRequest request) {
        if (!writer.configured()) {
            return failed("Braze is not configured: the selected environment of parley.yml has no braze key");
        }
        JsonNode params = Json.MAPPER.valueToTree(request.params());
        BrazeUpdate update = BrazeUpdate.fromJson(cleaned(params));
        if (update.size() == 0) {
            return failed("with: give at least one object in attributes, events or purchases");
        }
        Optional<String> conversation = Optional.ofNullable(request.conversation().get("id")).map(Object::toString);
        List<TrackOutcome.Refusal> refused = writer.check(update, conversation.isPresent());
        ObjectNode data = Json.object().put("queued", update.size() - refused.size());
        ArrayNode reasons = data.putArray("refused");
        refused.forEach(r -> reasons.add(r.describe()));
        Optional<String> cause = refused.isEmpty() ? Optional.empty() : Optional.of("Braze would refuse "
                + String.join("; ", refused.stream().map(TrackOutcome.Refusal::describe).toList()));
        return new ActionCall(refused.isEmpty() ? "success" : "error", data, cause,
                Optional.of(tx -> writer.track(tx, conversation, update)));
    }

    private ActionCall profile(ActionRequest request) {
        Map<String, Object> p = request.params();
        Optional<BrazeIdentifier> identifier = identifier(p);
        if (identifier.isEmpty()) {
            return failed("with: name the user by external_id, email, phone or user_alias {alias_name, alias_label}");
        }
        List<String> fields = p.get("fields_to_export") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        String conversation = String.valueOf(request.conversation().get("id"));
        return switch (reader.profile(conversation, identifier.get(), fields)) {
            case BrazeProfile.Found found -> new ActionCall("success", found.user(), Optional.empty(),
                    Optional.of(tx -> reader.remember(tx, identifier.get(), found.user())));
            case BrazeProfile.NotFound none -> new ActionCall("not_found", Json.object(), Optional.empty(),
                    Optional.empty());
            case BrazeProfile.Failed f -> failed(f.reason());
        };
    }

    private static Optional<BrazeIdentifier> identifier(Map<String, Object> p) {
        if (text(p.get("external_id")).isPresent()) {
            return text(p.get("external_id")).map(BrazeIdentifier.ExternalId::new);
        }
        if (text(p.get("email")).isPresent()) {
            return text(p.get("email")).map(BrazeIdentifier.Email::new);
        }
        if (text(p.get("phone")).isPresent()) {
            return text(p.get("phone")).map(BrazeIdentifier.Phone::new);
        }
        if (p.get("user_alias") instanceof Map<?, ?> alias) {
            Optional<String> name = text(alias.get("alias_name"));
            Optional<String> label = text(alias.get("alias_label"));
            if (name.isPresent() && label.isPresent()) {
                return Optional.of(new BrazeIdentifier.UserAlias(name.get(), label.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A flow's literals keep their YAML types and a lone {@code "{{variable}}"} its value's type, but other
     * templates render as text: a value left empty ({@code "{{city}}"} with no city) is dropped rather than
     * sent as an empty text that would erase the attribute, and a purchase's {@code price} and
     * {@code quantity} written as text ({@code "{{qty}}"} from an answer) become numbers.
     */
    private static JsonNode cleaned(JsonNode params) {
        ObjectNode body = Json.object();
        for (String array : List.of("attributes", "events", "purchases")) {
            JsonNode items = params.path(array);
            if (items.isMissingNode() || items.isNull()) {
                continue;
            }
            ArrayNode out = body.putArray(array);
            List<JsonNode> list = new ArrayList<>();
            if (items.isArray()) {
                items.forEach(list::add);
            } else {
                list.add(items);
            }
            for (JsonNode item : list) {
                if (!item.isObject()) {
                    out.add(item);
                    continue;
                }
                ObjectNode copy = item.deepCopy();
                copy.properties().removeIf(e -> e.getValue().isTextual() && e.getValue().textValue().isEmpty());
                number(copy, "price", false);
                number(copy, "quantity", true);
                out.add(copy);
            }
        }
        return body;
    }

    private static void number(ObjectNode object, String field, boolean whole) {
        JsonNode value = object.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return;
        }
        try {
            BigDecimal number = new BigDecimal(value.asText().strip());
            if (!whole) {
                object.put(field, number);
            } else if (number.stripTrailingZeros().scale() <= 0) {
                object.put(field, number.toBigIntegerExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // left as it is: the writer's check names the field and the rule
        }
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static ActionCall failed(String cause) {
        return new ActionCall("error", Json.object().put("error", cause), Optional.of(cause), Optional.empty());
    }
}
