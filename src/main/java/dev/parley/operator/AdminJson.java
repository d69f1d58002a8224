package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.ServiceHours;
import dev.parley.config.TimeRange;
import dev.parley.chatbot.DeliveryMasking;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.routing.Group;
import dev.parley.routing.Widget;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The workspace objects as the admin API shows and takes them: the keys of {@code parley.yml}, durations
 * as text with units ({@code "10m"}), service hours as in the file.
 */
final class AdminJson {
    static final String MASK = DeliveryMasking.MASK;

    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private AdminJson() {}

    /**
     * The settings of a bot as a request would set them; webhook header values are {@link #MASK}ed unless
     * {@code withHeaderValues}. Never the API token or the signing secret.
     */
    static ObjectNode botSettings(Bot b, boolean withHeaderValues) {
        ObjectNode n = Json.object();
        n.put("id", b.id());
        n.put("name", b.name());
        n.put("group", b.groupId());
        n.put("type", lower(b.type()));
        n.put("behavior", lower(b.behavior()));
        n.put("slots", b.slots());
        n.put("registration", b.registration());
        n.set("skills", Json.MAPPER.valueToTree(b.skills()));
        n.put("avatar_url", b.avatarUrl().orElse(null));
        b.timeout().ifPresentOrElse(t -> n.putObject("timeout").put("after", duration(t.after()))
                .put("action", lower(t.action())), () -> n.putNull("timeout"));
        n.put("webhook_url", b.webhookUrl().map(Object::toString).orElse(null));
        ObjectNode headers = n.putObject("webhook_headers");
        b.webhookHeaders().forEach((name, value) -> headers.put(name, withHeaderValues ? value : MASK));
        n.put("request_timeout", duration(b.requestTimeout()));
        n.putObject("webhook_retry").put("attempts", b.retry().attempts())
                .put("first_delay", duration(b.retry().firstDelay()));
        return n;
    }

    static ObjectNode bot(Bot b, String publicBaseUrl) {
        ObjectNode n = botSettings(b, false);
        n.put("api_url", publicBaseUrl + "/api/chatbot/v1/bots/" + b.id() + "/events");
        n.put("api_token_set", b.apiTokenHash().isPresent());
        n.put("signing_secret_set", b.signingSecret().isPresent());
        return n;
    }

    static ObjectNode group(Group g) {
        return Json.object().put("id", g.id()).put("name", g.name());
    }

    static ObjectNode widgetSettings(Widget w) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("name", w.name());
        n.put("group", w.groupId());
        n.put("registration", w.registration());
        n.put("live_timeout", w.liveTimeout().map(AdminJson::duration).orElse(null));
        w.serviceHours().ifPresentOrElse(h -> n.set("service_hours", serviceHours(h)),
                () -> n.putNull("service_hours"));
        n.put("chatbot_assignment", w.chatbotAssignment());
        return n;
    }

    static ObjectNode widget(Widget w, String publicBaseUrl) {
        return widgetSettings(w).put("embed_snippet", "<script src=\"" + publicBaseUrl
                + "/widget.js\" data-parley-widget=\"" + w.id() + "\" async></script>");
    }

    /** {@code 1h30m}, {@code 500ms}, {@code 0s}: the largest units first, as parley.yml reads them. */
    static String duration(Duration d) {
        long rest = d.toMillis();
        if (rest == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (rest >= UNIT_MILLIS[i]) {
                out.append(rest / UNIT_MILLIS[i]).append(UNIT_NAMES[i]);
                rest %= UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }

    /** {@code {"zone": "Europe/Berlin", "mon-fri": "09:00-17:00", "sat": "10:00-14:00"}}: equal days joined. */
    static ObjectNode serviceHours(ServiceHours hours) {
        ObjectNode n = Json.object().put("zone", hours.zone().getId());
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<TimeRange> ranges = hours.days().get(days[i]);
            int last = i;
            while (ranges != null && last + 1 < days.length && ranges.equals(hours.days().get(days[last + 1]))) {
                last++;
            }
            if (ranges != null) {
                n.put(day(days[i]) + (last > i ? "-" + day(days[last]) : ""), ranges(ranges));
            }
            i = last + 1;
        }
        return n;
    }

    private static String ranges(List<TimeRange> ranges) {
        return ranges.stream().map(r -> r.from() + "-" + (r.to().equals(LocalTime.MAX) ? "24:00" : r.to().toString()))
                .collect(Collectors.joining(", "));
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
