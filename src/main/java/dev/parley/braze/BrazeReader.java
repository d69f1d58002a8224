package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.store.Tx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks a user up in Braze ({@code POST /users/export/ids}) so a flow can use what Braze knows. Braze
 * assembles the whole profile for this call and limits it strictly (250 requests a minute for current
 * customers), so answers are kept per conversation — the same lookup in the same conversation asks Braze
 * once — and look-ups are paced ({@link ExportPace}): over the pace one fails at once without calling Braze.
 */
public final class BrazeReader {
    /** Asked for when the caller names no fields. */
    public static final List<String> DEFAULT_FIELDS = List.of("external_id", "first_name", "last_name", "email",
            "phone", "dob", "home_city", "country", "language", "custom_attributes");
    static final Set<String> FIELDS = Set.of("apps", "attributed_campaign", "attributed_source", "attributed_adgroup",
            "attributed_ad", "braze_id", "country", "created_at", "custom_attributes", "custom_events", "devices", "dob",
            "email", "external_id", "first_name", "gender", "home_city", "language", "last_coordinates", "last_name",
            "phone", "purchases", "push_subscribe", "email_subscribe", "push_tokens", "random_bucket", "time_zone",
            "total_revenue", "uninstalled_at", "user_aliases");
    private static final int CONVERSATIONS_KEPT = 5_000;

    private final Optional<BrazeClient> client;
    private final AttributeDeltas deltas;
    private final Clock clock;
    private final ExportPace pace;
    private final Map<String, Map<String, BrazeProfile>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, BrazeProfile>> eldest) {
            return size() > CONVERSATIONS_KEPT;
        }
    };

    BrazeReader(Optional<BrazeClient> client, AttributeDeltas deltas, Clock clock, ExportPace pace) {
        this.client = client;
        this.deltas = deltas;
        this.clock = clock;
        this.pace = pace;
    }

    /**
     * Takes what a look-up found as what Braze holds now for that user, in {@code tx}: the values the
     * writer leaves out as unchanged are these from now on, so an answer that equals an older value
     * Parley sent but differs from what another source wrote since is sent again.
     */
    public void remember(Tx tx, BrazeIdentifier identifier, ObjectNode user) {
        deltas.refresh(tx, identifier.identity(), user, clock.instant());
    }

    /**
     * The profile of the user {@code identifier} names, with {@code fieldsToExport} (Braze's export field
     * names; empty for {@link #DEFAULT_FIELDS}). Found and not-found answers are kept for the conversation;
     * failures are not, so a later lookup tries again.
     */
    public BrazeProfile profile(String conversationId, BrazeIdentifier identifier, List<String> fieldsToExport) {
        if (client.isEmpty()) {
            return new BrazeProfile.Failed("Braze is not configured: the selected environment of parley.yml has no"
                    + " braze key (url, api_key_env)");
        }
        if (identifier.isBlank()) {
            return new BrazeProfile.Failed("the identifier is empty: " + identifier);
        }
        List<String> fields = fieldsToExport.isEmpty() ? DEFAULT_FIELDS : List.copyOf(fieldsToExport);
        Optional<String> unknown = fields.stream().filter(f -> !FIELDS.contains(f)).findFirst();
        if (unknown.isPresent()) {
            return new BrazeProfile.Failed("fields_to_export: '" + unknown.get() + "' is not a field Braze exports"
                    + " (such as " + String.join(", ", DEFAULT_FIELDS) + ")");
        }
        String key = identifier + " " + fields;
        Optional<BrazeProfile> known = cached(conversationId, key);
        if (known.isPresent()) {
            return known.get();
        }
        if (!pace.tryTake()) {
            return new BrazeProfile.Failed("Braze allows " + pace.perMinute() + " look-ups a minute"
                    + " (/users/export/ids) and they are used up; try again in a minute");
        }
        ObjectNode body = Json.object();
        identifier.addTo(body);
        ArrayNode wanted = body.putArray("fields_to_export");
        fields.forEach(wanted::add);
        BrazeProfile profile = switch (client.get().exportIds(body)) {
            case BrazeAnswer.Success s -> found(s.body());
            case BrazeAnswer.RateLimited r -> new BrazeProfile.Failed("Braze is rate limiting (HTTP 429): " + r.message());
            case BrazeAnswer.ServerError e -> new BrazeProfile.Failed("Braze failed (HTTP " + e.status() + "): "
                    + e.message());
            case BrazeAnswer.Rejected r -> new BrazeProfile.Failed("Braze refused the lookup (HTTP " + r.status()
                    + "): " + r.message());
            case BrazeAnswer.NoAnswer n -> new BrazeProfile.Failed("Braze did not answer: " + n.cause());
        };
        if (!(profile instanceof BrazeProfile.Failed)) {
            synchronized (cache) {
                cache.computeIfAbsent(conversationId, c -> new LinkedHashMap<>()).put(key, profile);
            }
        }
        return profile;
    }

    private Optional<BrazeProfile> cached(String conversationId, String key) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(conversationId)).map(m -> m.get(key));
        }
    }

    private static BrazeProfile found(ObjectNode body) {
        JsonNode users = body.path("users");
        return users.isArray() && !users.isEmpty() && users.get(0) instanceof ObjectNode user
                ? new BrazeProfile.Found(user) : new BrazeProfile.NotFound();
    }
}
