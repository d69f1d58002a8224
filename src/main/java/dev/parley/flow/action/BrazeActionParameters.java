package dev.parley.flow.action;

import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ParameterRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of {@code braze.track} and {@code braze.profile}, which run in {@code dev.parley.braze}
 * with the flow's step. They are Parley's own, so every flow loader knows them, whether or not Braze
 * is configured; {@link FlowActions} checks them before each run.
 */
final class BrazeActionParameters {
    /** Braze's objects are mappings; one object may stand for a list of one. */
    private static final ParameterRule OBJECTS = value -> (value instanceof List<?> list ? list : List.of(value))
            .stream().allMatch(Map.class::isInstance) ? Optional.empty()
            : Optional.of("must be an object or a list of objects, as in [{ external_id: …, name: … }]");

    private static final ParameterRule USER_ALIAS = value -> value instanceof Map<?, ?> alias
            && ActionParameters.isGiven(alias.get("alias_name")) && ActionParameters.isGiven(alias.get("alias_label"))
            ? Optional.empty()
            : Optional.of("must be a mapping with alias_name and alias_label, as in { alias_name: …, alias_label: … }");

    private static final ParameterRule FIELD_NAMES = value -> value instanceof List<?> list
            && list.stream().allMatch(item -> item != null && ParameterRule.text().check(item).isEmpty())
            ? Optional.empty() : Optional.of("must be a list of field names, as in [first_name, email]");

    /** {@code /users/track} objects: at least one of attributes, events and purchases. */
    static final ActionParameters TRACK = ActionParameters.of(
            ActionParameter.optional("attributes", OBJECTS),
            ActionParameter.optional("events", OBJECTS),
            ActionParameter.optional("purchases", OBJECTS))
            .needingOneOf("attributes", "events", "purchases")
            .keepingTypes();

    /** The user to look up, by one identifier, and the fields to export. */
    static final ActionParameters PROFILE = ActionParameters.of(
            ActionParameter.optional("external_id", ParameterRule.text()),
            ActionParameter.optional("email", ParameterRule.text()),
            ActionParameter.optional("phone", ParameterRule.text()),
            ActionParameter.optional("user_alias", USER_ALIAS),
            ActionParameter.optional("fields_to_export", FIELD_NAMES))
            .needingOneOf("external_id", "email", "phone", "user_alias");

    private BrazeActionParameters() {
    }
}
