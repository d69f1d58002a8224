package dev.parley.flow.action;

import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ActionResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code http} action's {@code outcomes}: HTTP status → outcome, by exact status ({@code 404})
 * before status class ({@code 4xx}); without a match, 2xx is {@code success} and anything else {@code error}.
 */
record StatusOutcomes(Map<Integer, String> exact, Map<Integer, String> classes) {
    static final Pattern OUTCOME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]");
    private static final Pattern CLASS = Pattern.compile("[1-5]xx");

    static StatusOutcomes parse(Optional<Object> raw) {
        Map<Integer, String> exact = new HashMap<>();
        Map<Integer, String> classes = new HashMap<>();
        if (raw.isPresent()) {
            if (!(raw.get() instanceof Map<?, ?> map)) {
                throw new ParamException("with.outcomes: must be a mapping of statuses to outcomes, as in"
                        + " outcomes: { \"404\": not_found, \"4xx\": invalid }");
            }
            map.forEach((key, value) -> {
                String status = String.valueOf(key).strip().toLowerCase(Locale.ROOT);
                String path = "with.outcomes." + key;
                if (!(value instanceof String outcome) || !OUTCOME.matcher(outcome).matches()) {
                    throw new ParamException(path + ": must be an outcome word such as not_found (letters, digits,"
                            + " '_', '.' or '-')");
                }
                if (STATUS.matcher(status).matches()) {
                    exact.put(Integer.parseInt(status), outcome);
                } else if (CLASS.matcher(status).matches()) {
                    classes.put(status.charAt(0) - '0', outcome);
                } else {
                    throw new ParamException(path + ": a key is an HTTP status such as 404 or a class such as 4xx");
                }
            });
        }
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
