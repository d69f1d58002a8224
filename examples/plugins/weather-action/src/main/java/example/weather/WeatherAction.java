package example.weather;

import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.flow.spi.ParameterRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action node {@code example.weather}: a made-up forecast, the same for the same parameters, so
 * a flow can be tried without a weather service.
 *
 * <pre>{@code
 * forecast:
 *   action: example.weather
 *   with: { city: "{{city}}", days_ahead: 1, unit: c }
 *   save: weather
 *   on: { success: tell, too_far: too_far, error: sorry }
 * tell: { say: "{{weather.summary}}", next: bye }
 * }</pre>
 *
 * <p>Parameters, declared in {@link #parameters()} so that Parley checks them when a flow loads and
 * before every run: {@code city} (required), {@code days_ahead} (a whole number, default 0),
 * {@code unit} ({@code c} or {@code f}, default {@code c}). Outcomes: {@code success} with
 * {@code city}, {@code days_ahead}, {@code conditions}, {@code high}, {@code low}, {@code unit} and
 * {@code summary}; {@code too_far} with {@code max_days_ahead} when asked about a day beyond the
 * forecast; {@code error}, from Parley's check, when a rendered parameter breaks its rule.
 */
public final class WeatherAction implements ActionNode {
    static final int MAX_DAYS_AHEAD = 6;
    private static final List<String> CONDITIONS = List.of("sunny", "partly cloudy", "cloudy", "light rain",
            "showers", "windy", "foggy");
    private static final ActionParameters PARAMETERS = ActionParameters.of(
            ActionParameter.required("city", ParameterRule.text()),
            ActionParameter.optional("days_ahead", ParameterRule.wholeNumber(0, Long.MAX_VALUE)),
            ActionParameter.optional("unit", ParameterRule.oneOf("c", "f")));

    @Override
    public String name() {
        return "example.weather";
    }

    /** A flow with {@code citty:}, without {@code city:} or with {@code unit: k} is refused when it loads. */
    @Override
    public ActionParameters parameters() {
        return PARAMETERS;
    }

    /** Runs with parameters that passed {@link #parameters()}; an empty optional one counts as left out. */
    @Override
    public ActionResult run(ActionRequest request) {
        String city = String.valueOf(request.params().get("city")).strip();
        long daysAhead = Long.parseLong(given(request, "days_ahead", "0"));
        if (daysAhead > MAX_DAYS_AHEAD) {
            return new ActionResult("too_far", Map.of("max_days_ahead", MAX_DAYS_AHEAD));
        }
        String unit = given(request, "unit", "c").toLowerCase(Locale.ROOT);
        request.log().info("made-up forecast for " + city + ", " + daysAhead + " day(s) ahead");
        return ActionResult.success(forecast(city, (int) daysAhead, unit));
    }

    private static String given(ActionRequest request, String name, String fallback) {
        Object value = request.params().get(name);
        return ActionParameters.isGiven(value) ? String.valueOf(value).strip() : fallback;
    }

    /** Derived from the city and the day only: String.hashCode is the same on every JVM. */
    private static Map<String, Object> forecast(String city, int daysAhead, String unit) {
        int seed = Math.floorMod((city.toLowerCase(Locale.ROOT) + "/" + daysAhead).hashCode(), 10_000);
        String conditions = CONDITIONS.get(seed % CONDITIONS.size());
        int highC = 5 + seed % 23;
        int lowC = highC - 3 - seed % 7;
        int high = unit.equals("f") ? highC * 9 / 5 + 32 : highC;
        int low = unit.equals("f") ? lowC * 9 / 5 + 32 : lowC;
        String when = switch (daysAhead) {
            case 0 -> "Today";
            case 1 -> "Tomorrow";
            default -> "In " + daysAhead + " days";
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("city", city);
        data.put("days_ahead", daysAhead);
        data.put("conditions", conditions);
        data.put("high", high);
        data.put("low", low);
        data.put("unit", unit.toUpperCase(Locale.ROOT));
        data.put("summary", when + " in " + city + ": " + conditions + ", " + low + " to " + high + " °"
                + unit.toUpperCase(Locale.ROOT) + ".");
        return data;
    }
}
