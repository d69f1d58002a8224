package dev.parley.routing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.config.Behavior;
import dev.parley.config.BotTimeout;
import dev.parley.config.BotType;
import dev.parley.config.RetryConfig;
import dev.parley.config.Role;
import dev.parley.config.ServiceHours;
import dev.parley.config.TimeoutAction;
import dev.parley.json.Json;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads the workspace objects: groups, widgets, bots and human operators. */
public final class WorkspaceStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final ShortCache<Optional<Group>> groups = new ShortCache<>();
    private final ShortCache<Optional<Widget>> widgets = new ShortCache<>();
    private final ShortCache<Optional<Widget>> openWidgets = new ShortCache<>();
    private final ShortCache<Optional<Bot>> bots = new ShortCache<>();
    private final ShortCache<List<Bot>> botsByGroup = new ShortCache<>();

    private volatile Runnable announce = () -> {};

    /** Tells the other nodes of each change from now on (through Redis, when nodes share one). */
    public void announceChangesThrough(Runnable announce) {
        this.announce = announce;
    }

    /** Forgets cached groups, widgets and bots, here and on the other nodes; call after changing them. */
    public void changed() {
        changedElsewhere();
        announce.run();
    }

    /** Forgets cached groups, widgets and bots after another node changed them. */
    public void changedElsewhere() {
        groups.clear();
        widgets.clear();
        openWidgets.clear();
        bots.clear();
        botsByGroup.clear();
    }

    public Optional<Group> group(Handle h, String id) {
        return groups.get(id, () -> h.createQuery("SELECT * FROM groups_ WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Group(rs.getString("id"), rs.getString("name"))).findOne());
    }

    public Optional<Widget> widget(Handle h, String id) {
        return widgets.get(id, () -> h.createQuery("SELECT * FROM widgets WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> widget(rs)).findOne());
    }

    /** A widget that takes new conversations: one parley.yml no longer names is disabled. */
    public Optional<Widget> openWidget(Handle h, String id) {
        return openWidgets.get(id, () -> h.createQuery("SELECT * FROM widgets WHERE id = :id AND disabled = 0")
                .bind("id", id).map((rs, ctx) -> widget(rs)).findOne());
    }

    public Optional<Bot> bot(Handle h, String id) {
        return bots.get(id, () -> h.createQuery("SELECT * FROM bots WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> bot(rs)).findOne());
    }

    public List<Group> groups(Handle h) {
        return h.createQuery("SELECT * FROM groups_ ORDER BY id")
                .map((rs, ctx) -> new Group(rs.getString("id"), rs.getString("name"))).list();
    }

    public List<Widget> widgets(Handle h) {
        return h.createQuery("SELECT * FROM widgets WHERE disabled = 0 ORDER BY id").map((rs, ctx) -> widget(rs)).list();
    }

    public List<Bot> bots(Handle h) {
        return h.createQuery("SELECT * FROM bots WHERE disabled = 0 ORDER BY id").map((rs, ctx) -> bot(rs)).list();
    }

    public List<Bot> botsOfGroup(Handle h, String groupId) {
        return botsByGroup.get(groupId, () -> h.createQuery("SELECT * FROM bots WHERE group_id = :g AND disabled = 0 ORDER BY id")
                .bind("g", groupId).map((rs, ctx) -> bot(rs)).list());
    }

    public List<Operator> operatorsOfGroup(Handle h, String groupId) {
        return h.createQuery("SELECT * FROM operators WHERE group_id = :g AND disabled = 0 ORDER BY id").bind("g", groupId)
                .map((rs, ctx) -> operator(rs)).list();
    }

    public List<Operator> operators(Handle h) {
        return h.createQuery("SELECT * FROM operators WHERE disabled = 0 ORDER BY id").map((rs, ctx) -> operator(rs)).list();
    }

    public Optional<Operator> operatorByEmail(Handle h, String email) {
        return h.createQuery("SELECT * FROM operators WHERE LOWER(email) = :e AND disabled = 0").bind("e", email)
                .map((rs, ctx) -> operator(rs)).findOne();
    }

    /** The id of the operator, disabled ones included, that holds {@code email} (lower case); e-mails are unique. */
    public Optional<String> emailHolder(Handle h, String email) {
        return h.createQuery("SELECT id FROM operators WHERE LOWER(email) = :e").bind("e", email)
                .mapTo(String.class).findOne();
    }

    public Optional<String> passwordHash(Handle h, String operatorId) {
        return h.createQuery("SELECT password_hash FROM operators WHERE id = :id").bind("id", operatorId)
                .mapTo(String.class).findOne().filter(s -> !s.isEmpty());
    }

    public Optional<Operator> operator(Handle h, String id) {
        return h.createQuery("SELECT * FROM operators WHERE id = :id AND disabled = 0").bind("id", id)
                .map((rs, ctx) -> operator(rs)).findOne();
    }

    private static Widget widget(ResultSet rs) throws SQLException {
        String hours = rs.getString("service_hours");
        long live = rs.getLong("live_timeout_ms");
        Optional<Duration> liveTimeout = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(live));
        return new Widget(rs.getString("id"), rs.getString("name"), rs.getString("group_id"),
                rs.getInt("registration") == 1, liveTimeout,
                hours == null ? Optional.empty() : Optional.of(ServiceHoursJson.read(hours)),
                rs.getInt("chatbot_assignment") == 1);
    }

    private static Bot bot(ResultSet rs) throws SQLException {
        long after = rs.getLong("timeout_after_ms");
        Optional<BotTimeout> timeout = rs.wasNull() ? Optional.empty()
                : Optional.of(new BotTimeout(Duration.ofMillis(after),
                        TimeoutAction.valueOf(rs.getString("timeout_action"))));
        String url = rs.getString("webhook_url");
        return new Bot(rs.getString("id"), rs.getString("name"), rs.getString("group_id"),
                BotType.valueOf(rs.getString("type")), Behavior.valueOf(rs.getString("behavior")),
                rs.getInt("slots"), rs.getInt("registration") == 1, strings(rs.getString("skills")),
                Optional.ofNullable(rs.getString("avatar_url")), timeout,
                url == null ? Optional.empty() : Optional.of(URI.create(url)),
                Json.MAPPER.convertValue(Json.parseStored(rs.getString("webhook_headers")), HEADERS),
                Optional.ofNullable(rs.getString("api_token_hash")),
                Optional.ofNullable(rs.getString("signing_secret")),
                Duration.ofMillis(rs.getLong("request_timeout_ms")),
                new RetryConfig(rs.getInt("retry_attempts"), Duration.ofMillis(rs.getLong("retry_first_delay_ms"))));
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        return new Operator(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("group_id"),
                Role.valueOf(rs.getString("role")), strings(rs.getString("skills")), rs.getInt("slots"),
                rs.getString("status"));
    }

    static List<String> strings(String json) {
        JsonNode n = Json.parseStored(json);
        return Json.MAPPER.convertValue(n, STRINGS);
    }
}
