package dev.parley.flow.action;

import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ActionResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code http} action's {@code outcomes}: HTTP status → outcome, by exact status ({@code 404})
 * before status class ({@code 4xx}); without a match, 2xx is {@code success} and anything else {@code error}.
 */
record StatusOutcomes(Map<Integer, String> exact, Map<Integer, String> classes) {
    static final Pattern OUTCOME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]");
    private static final Pattern CLASS = Pattern.compile("[1-5]xx");

    /** No statuses of the flow's own: 2xx is success, anything else error. */
    static final StatusOutcomes NONE = new StatusOutcomes(Map.of(), Map.of());

    /** Reads the parameter as a flow writes it, as in {@code { "404": not_found, "4xx": invalid }}; also its rule. */
    static final Reading<StatusOutcomes> READING = StatusOutcomes::read;

    private static StatusOutcomes read(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ParamException("must be a mapping of statuses to outcomes, as in outcomes: { \"404\": not_found,"
                    + " \"4xx\": invalid }");
        }
        Map<Integer, String> exact = new HashMap<>();
        Map<Integer, String> classes = new HashMap<>();
        map.forEach((key, item) -> {
            String status = String.valueOf(key).strip().toLowerCase(Locale.ROOT);
            if (!(item instanceof String outcome) || !OUTCOME.matcher(outcome).matches()) {
                throw new ParamException("must map '" + key + "' to an outcome word such as not_found (letters,"
                        + " digits, '_', '.' or '-')");
            }
            if (STATUS.matcher(status).matches()) {
                exact.put(Integer.parseInt(status), outcome);
            } else if (CLASS.matcher(status).matches()) {
                classes.put(status.charAt(0) - '0', outcome);
            } else {
                throw new ParamException("must have HTTP statuses such as 404 or classes such as 4xx as keys, not '"
                        + key + "'");
            }
        });
        return new StatusOutcomes(Map.copyOf(exact), Map.copyOf(classes));
    }

    String outcomeFor(int status) {
        String byStatus = exact.get(status);
        if (byStatus != null) {
            return byStatus;
        }
        return classes.getOrDefault(status / 100, status / 100 == 2 ? ActionResult.SUCCESS : ActionResult.ERROR);
    }
}
