package dev.parley.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.store.Channel;
import dev.parley.channel.store.ChannelActivity;
import dev.parley.channel.store.ChannelStore;
import dev.parley.config.ChannelConfig;
import dev.parley.config.ChannelInput;
import dev.parley.config.ConfigException;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Messaging channels under the admin API: list, read, create, change, disable, each checked by the rules of
 * {@code parley.yml}'s {@code channels:} (channels.md §0) with credentials from environment variables that are set
 * or files that can be read. Answers carry the webhook URL, Meta's verify token and the channel's activity.
 */
public final class AdminChannels {
    private static final List<String> READ_ONLY = List.of("webhook_url", "verify_token", "source", "disabled",
            "credential_problems", "last_inbound_at", "last_outbound_at", "last_error_at", "last_error");

    private final AdminWrites writes;
    private final ChannelStore store;
    private final ChannelActivity activity;
    private final ChannelJson json;
    private final Map<String, String> env;
    private final Path baseDir;

    AdminChannels(AdminWrites writes, ChannelStore store, ChannelActivity activity, Map<String, String> env,
            Path baseDir) {
        this.writes = writes;
        this.store = store;
        this.activity = activity;
        this.json = new ChannelJson(writes.publicBaseUrl(), env);
        this.env = Map.copyOf(env);
        this.baseDir = baseDir;
    }

    public ArrayNode list() {
        Map<String, ChannelActivity.Activity> all = activity.all();
        ArrayNode out = Json.array();
        store.withDisabled().forEach(c -> out.add(json.channel(c, all.getOrDefault(c.id(),
                ChannelActivity.Activity.NONE))));
        return out;
    }

    public ObjectNode get(String id) {
        return json.channel(find(id), activity.of(id));
    }

    /** Creates the channel the body describes; 409 when its id is taken, also by a disabled channel. */
    public ObjectNode create(ObjectNode body) {
        String id = writes.change(() -> {
            ChannelConfig config = parse(AdminInput.stripped(body, READ_ONLY));
            if (store.findWithDisabled(config.id()).isPresent()) {
                throw AdminInput.taken("channel", config.id());
            }
            writes.db().useWrite(tx -> ChannelStore.save(tx, config, Channel.Source.CONSOLE));
            return config.id();
        });
        return get(id);
    }

    /**
     * Changes the keys the body names; the others keep their values. A new {@code type} starts from the common
     * keys only; a credential
     * sent as {@code x_env} replaces a stored {@code x_file} and the other way round. {@code "disabled": false} enables a disabled channel; otherwise it stays as it is.
     */
    public ObjectNode update(String id, ObjectNode body) {
        writes.change(() -> {
            Channel stored = find(id);
            JsonNode disabled = body.path("disabled");
            if (!disabled.isMissingNode() && !disabled.isBoolean()) {
                throw AdminInput.invalid("disabled", "must be true or false");
            }
            ObjectNode changes = AdminInput.withoutReadOnly(body, id, READ_ONLY);
            boolean retyped = changes.has("type") && !changes.path("type").asText().equals(stored.type().config());
            ObjectNode base = json.settings(stored, retyped);
            changes.properties().stream().map(Map.Entry::getKey).filter(k -> k.matches(".+_(env|file)"))
                    .forEach(k -> base.remove(k.replaceAll("_(env|file)$", k.endsWith("_env") ? "_file" : "_env")));
            ChannelConfig config = parse(AdminInput.merged(base, changes));
            writes.db().useWrite(tx -> ChannelStore.save(tx, config, Channel.Source.CONSOLE));
            store.setDisabled(id, disabled.isBoolean() ? disabled.asBoolean() : stored.disabled());
            return id;
        });
        return get(id);
    }

    /** The channel stops receiving and sending; its conversations stay. Answers the channel. */
    public ObjectNode disable(String id) {
        writes.change(() -> {
            find(id);
            return store.setDisabled(id, true);
        });
        return get(id);
    }

    private Channel find(String id) {
        return store.findWithDisabled(id).orElseThrow(() -> ClientError.notFound("channel", id));
    }

    private ChannelConfig parse(ObjectNode body) {
        Set<String> widgets = writes.db().read(h -> writes.workspace().widgets(h)).stream().map(Widget::id)
                .collect(Collectors.toSet());
        try {
            return ChannelInput.parse(AdminInput.yaml(body), "request", widgets, env, baseDir);
        } catch (ConfigException e) {
            throw AdminInput.invalid(e.path(), e.detail());
        }
    }
}
