package dev.parley.channel.store;

import dev.parley.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * When each channel last received and sent a message and its last error, for the console's Channels page.
 * Adapters call {@link #recordInbound}, {@link #recordOutbound} and {@link #recordError}; each is one small write.
 */
public final class ChannelActivity {
    /** Longer error texts are cut to this many characters. */
    static final int MAX_ERROR = 500;

    private final Database db;
    private final Clock clock;

    public ChannelActivity(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A channel's activity; each moment empty until it first happens. */
    public record Activity(Optional<Instant> lastInbound, Optional<Instant> lastOutbound,
            Optional<Instant> lastErrorAt, Optional<String> lastError) {
        public static final Activity NONE = new Activity(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The channel received a message from a contact (or a vendor event) now. */
    public void recordInbound(String channelId) {
        record(channelId, "last_inbound_at", Optional.empty());
    }

    /** The channel sent a message to the vendor now. */
    public void recordOutbound(String channelId) {
        record(channelId, "last_outbound_at", Optional.empty());
    }

    /** The channel failed now, for the reason {@code text} (no secrets: it is shown in the console). */
    public void recordError(String channelId, String text) {
        String cut = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR - 1) + "…" : text;
        record(channelId, "last_error_at", Optional.of(cut));
    }

    public Activity of(String channelId) {
        return all().getOrDefault(channelId, Activity.NONE);
    }

    /** Every channel's activity, by channel id; channels without any are left out. */
    public Map<String, Activity> all() {
        return db.read(h -> h.createQuery("SELECT * FROM channel_activity").map((rs, ctx) -> Map.entry(
                rs.getString("channel_id"), new Activity(instant(rs.getObject("last_inbound_at")),
                        instant(rs.getObject("last_outbound_at")), instant(rs.getObject("last_error_at")),
                        Optional.ofNullable(rs.getString("last_error"))))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void record(String channelId, String column, Optional<String> error) {
        long now = clock.millis();
        db.useWrite(tx -> {
            Handle h = tx.handle();
            h.createUpdate("INSERT INTO channel_activity (channel_id) VALUES (:id) ON CONFLICT (channel_id) DO NOTHING")
                    .bind("id", channelId).execute();
            var update = h.createUpdate("UPDATE channel_activity SET " + column + " = :at"
                    + (error.isPresent() ? ", last_error = :error" : "") + " WHERE channel_id = :id")
                    .bind("at", now).bind("id", channelId);
            error.ifPresent(text -> update.bind("error", text));
            update.execute();
        });
    }

    private static Optional<Instant> instant(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }
}
