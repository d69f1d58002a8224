package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.flow.FlowNlu;
import dev.parley.json.Json;
import dev.parley.nlu.EntityContext;
import dev.parley.nlu.Ranking;
import dev.parley.nlu.Understanding;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the contact's free text at a node that waits: which intent it expresses (the node's own
 * intents first, then the flow's global ones) and which entities it holds. Every reading is a line
 * on the timeline with the intent, its confidence and the runner-up.
 */
final class IntentRouter {
    private final FlowNlu nlu;
    private final FlowData data;
    private final Clock clock;
    private final List<FlowLog.Line> log;

    IntentRouter(FlowNlu nlu, FlowData data, Clock clock, List<FlowLog.Line> log) {
        this.nlu = nlu;
        this.data = data;
        this.clock = clock;
        this.log = log;
    }

    /** Where a recognised intent leads; {@code global} when a global intent of the flow led there. */
    record Route(String target, boolean global) {
    }

    /** Where {@code text} leads from node {@code nodeId} with its own intent routes {@code local}. */
    Optional<Route> route(String nodeId, String text, Map<String, String> local) {
        Understanding understanding = nlu.understanding();
        if (!understanding.hasIntents() || text.isBlank()) {
            return Optional.empty();
        }
        Understanding.Reading reading = understanding.read(text, locale());
        Ranking ranking = reading.ranking().orElseThrow();
        boolean confident = ranking.confidence() >= understanding.threshold();
        Optional<Route> target = Optional.empty();
        String via = "";
        if (confident && local.containsKey(ranking.intent())) {
            target = Optional.of(new Route(local.get(ranking.intent()), false));
        } else if (confident && nlu.global().containsKey(ranking.intent())) {
            target = Optional.of(new Route(nlu.global().get(ranking.intent()), true));
            via = " (global)";
        }
        String runnerUp = ranking.runnerUp().map(r -> ", runner-up " + r.intent() + " " + percent(r.confidence()))
                .orElse("");
        log.add(FlowLog.Line.info(nodeId, target.isPresent()
                ? "intent " + ranking.intent() + " " + percent(ranking.confidence()) + via + runnerUp + " ["
                        + reading.language() + "]"
                : "no intent: best " + ranking.intent() + " " + percent(ranking.confidence()) + runnerUp + ", threshold "
                        + percent(understanding.threshold()) + (confident ? " (not routed at this node)" : "") + " ["
                        + reading.language() + "]"));
        return target;
    }

    /** The entities of {@code wanted} (variable → entity) found in {@code text}, as variable → value. */
    Map<String, JsonNode> entities(Map<String, String> wanted, String text) {
        EntityContext context = new EntityContext(ZonedDateTime.now(clock.withZone(zone())), nlu.region(),
                nlu.understanding().language(text, locale()));
        Map<String, JsonNode> found = new LinkedHashMap<>();
        wanted.forEach((variable, entity) -> nlu.understanding().entities().find(entity, text, context)
                .ifPresent(value -> found.put(variable, Json.MAPPER.valueToTree(value))));
        return found;
    }

    /** The conversation's locale, else the contact's. */
    private Optional<String> locale() {
        return Optional.of(data.conversation().path("locale").asText("")).filter(l -> !l.isBlank())
                .or(() -> Optional.of(data.contact().path("locale").asText("")).filter(l -> !l.isBlank()));
    }

    /** The conversation's time zone ({@code custom_fields.time_zone}) when valid, else the flow's. */
    private ZoneId zone() {
        String named = data.conversation().path("custom_fields").path("time_zone").asText("");
        try {
            return named.isBlank() ? nlu.zone() : ZoneId.of(named);
        } catch (DateTimeException e) {
            return nlu.zone();
        }
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * confidence);
    }
}
