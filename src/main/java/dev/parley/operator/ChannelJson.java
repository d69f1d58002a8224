package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelType;
import dev.parley.channel.store.Channel;
import dev.parley.channel.store.ChannelActivity;
import dev.parley.channel.store.ChannelCredentials;
import dev.parley.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A channel as the admin API answers it: its settings as {@code parley.yml} writes them (credentials as the
 * variable or file they come from, never their values), the webhook URL to give the vendor, for WhatsApp and
 * Messenger the verify token to paste into Meta's webhook settings (shown to admins by design: Meta asks for it),
 * and the channel's activity.
 */
final class ChannelJson {
    private final String publicBaseUrl;
    private final Map<String, String> env;

    ChannelJson(String publicBaseUrl, Map<String, String> env) {
        this.publicBaseUrl = publicBaseUrl;
        this.env = env;
    }

    ObjectNode channel(Channel c, ChannelActivity.Activity activity) {
        ObjectNode out = settings(c, false);
        out.put("source", c.source() == Channel.Source.FILE ? "file" : "console").put("disabled", c.disabled())
                .put("webhook_url", c.webhookUrl(publicBaseUrl));
        ArrayNode problems = out.putArray("credential_problems");
        c.credentials().keySet().stream().sorted().forEach(key -> {
            try {
                c.credential(ChannelCredentials.name(key), env);
            } catch (ChannelCredentials.Unreadable e) {
                problems.add(e.getMessage());
            }
        });
        if (meta(c.type())) {
            try {
                out.put("verify_token", c.credential("verify_token", env).orElse(null));
            } catch (ChannelCredentials.Unreadable e) {
                out.putNull("verify_token");
            }
        }
        time(out, "last_inbound_at", activity.lastInbound());
        time(out, "last_outbound_at", activity.lastOutbound());
        time(out, "last_error_at", activity.lastErrorAt());
        out.put("last_error", activity.lastError().orElse(null));
        return out;
    }

    /** The keys a request sets, as stored; only the ones every type has when {@code commonOnly}. */
    ObjectNode settings(Channel c, boolean commonOnly) {
        ObjectNode out = Json.object().put("id", c.id()).put("type", c.type().config()).put("widget", c.widget());
        if (!commonOnly && !c.apiBaseUrl().isEmpty()) {
            out.put("api_base_url", c.apiBaseUrl());
        }
        if (!commonOnly) {
            new TreeMap<>(c.settings()).forEach(out::put);
            new TreeMap<>(c.credentials()).forEach(out::put);
        }
        c.defaultRegion().ifPresent(region -> out.put("default_region", region));
        return out.put("unsubscribe_keyword", c.unsubscribeKeyword())
                .put("unsubscribe_confirmation", c.unsubscribeConfirmation());
    }

    private static boolean meta(ChannelType type) {
        return switch (type) {
            case WHATSAPP, MESSENGER -> true;
            case WEB, TELEGRAM, SMS, THREEMA, CUSTOM -> false;
        };
    }

    private static void time(ObjectNode out, String key, Optional<Instant> at) {
        out.put(key, at.map(Instant::toString).orElse(null));
    }
}
