package dev.parley.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.ServiceHours;
import dev.parley.config.TimeRange;
import dev.parley.json.Json;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Stores a widget's service hours as JSON: {@code {"zone": "...", "days": {"MONDAY": [["09:00","17:00"]]}}}. */
final class ServiceHoursJson {
    private ServiceHoursJson() {}

    static String write(ServiceHours hours) {
        ObjectNode root = Json.object();
        root.put("zone", hours.zone().getId());
        ObjectNode days = root.putObject("days");
        hours.days().forEach((day, ranges) -> {
            ArrayNode list = days.putArray(day.name());
            ranges.forEach(r -> list.addArray().add(r.from().toString()).add(r.to().toString()));
        });
        return Json.write(root);
    }

    static ServiceHours read(String json) {
        JsonNode root = Json.parseStored(json);
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        root.get("days").properties().forEach(e -> {
            List<TimeRange> ranges = new ArrayList<>();
            e.getValue().forEach(r -> ranges.add(new TimeRange(LocalTime.parse(r.get(0).asText()),
                    LocalTime.parse(r.get(1).asText()))));
            days.put(DayOfWeek.valueOf(e.getKey()), List.copyOf(ranges));
        });
        return new ServiceHours(ZoneId.of(root.get("zone").asText()), days);
    }
}
