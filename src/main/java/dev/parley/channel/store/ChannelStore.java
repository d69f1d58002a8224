package dev.parley.channel.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.channel.ChannelType;
import dev.parley.config.ChannelConfig;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messaging channels: those of {@code parley.yml}, applied at every start like bots and widgets, and those
 * made in the console. {@link #find} and {@link #all} give the channels that take messages (not disabled).
 */
public final class ChannelStore {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private final Database db;

    public ChannelStore(Database db) {
        this.db = db;
    }

    /** The channel {@code id}, unless it is disabled or unknown. */
    public Optional<Channel> find(String id) {
        return findWithDisabled(id).filter(c -> !c.disabled());
    }

    /** The channels that take messages, by id. */
    public List<Channel> all() {
        return withDisabled().stream().filter(c -> !c.disabled()).toList();
    }

    /** The channel {@code id}, disabled or not. */
    public Optional<Channel> findWithDisabled(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM channels WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> channel(rs)).findOne());
    }

    /** Every channel, disabled ones included, by id. */
    public List<Channel> withDisabled() {
        return db.read(h -> h.createQuery("SELECT * FROM channels ORDER BY id").map((rs, ctx) -> channel(rs)).list());
    }

    /** Creates or changes the channel, enabled; one the file made stays the file's. */
    public static void save(Tx tx, ChannelConfig config, Channel.Source source) {
        Channel c = Channel.of(config, source);
        tx.handle().createUpdate("""
                INSERT INTO channels (id, type, widget_id, api_base_url, settings, credentials, default_region,
                  unsubscribe_keyword, unsubscribe_confirmation, from_file, disabled)
                VALUES (:id, :type, :widget, :api, :settings, :credentials, :region, :keyword, :confirmation,
                  :file, 0)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, widget_id = excluded.widget_id,
                  api_base_url = excluded.api_base_url, settings = excluded.settings,
                  credentials = excluded.credentials, default_region = excluded.default_region,
                  unsubscribe_keyword = excluded.unsubscribe_keyword,
                  unsubscribe_confirmation = excluded.unsubscribe_confirmation, disabled = 0,
                  from_file = CASE WHEN excluded.from_file = 1 THEN 1 ELSE channels.from_file END""")
                .bind("id", c.id()).bind("type", c.type().config()).bind("widget", c.widget())
                .bind("api", c.apiBaseUrl()).bind("settings", Json.write(new java.util.TreeMap<>(c.settings())))
                .bind("credentials", Json.write(new java.util.TreeMap<>(c.credentials()))).bind("region", c.defaultRegion().orElse(null))
                .bind("keyword", c.unsubscribeKeyword()).bind("confirmation", c.unsubscribeConfirmation())
                .bind("file", source == Channel.Source.FILE ? 1 : 0).execute();
    }

    /** Disables or enables the channel; false when there is none. */
    public boolean setDisabled(String id, boolean disabled) {
        return db.write(tx -> tx.handle().createUpdate("UPDATE channels SET disabled = :d WHERE id = :id")
                .bind("d", disabled ? 1 : 0).bind("id", id).execute() == 1);
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        String type = rs.getString("type");
        return new Channel(rs.getString("id"), Arrays.stream(ChannelType.values())
                .filter(t -> t.config().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("stored channel type " + type + " is unknown")),
                rs.getString("widget_id"), rs.getString("api_base_url"), map(rs.getString("settings")),
                map(rs.getString("credentials")), Optional.ofNullable(rs.getString("default_region")),
                rs.getString("unsubscribe_keyword"), rs.getString("unsubscribe_confirmation"),
                rs.getInt("from_file") == 1 ? Channel.Source.FILE : Channel.Source.CONSOLE, rs.getInt("disabled") == 1);
    }

    private static Map<String, String> map(String json) {
        return Json.MAPPER.convertValue(Json.parseStored(json), STRINGS);
    }
}
