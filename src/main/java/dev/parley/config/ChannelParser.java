package dev.parley.config;

import dev.parley.channel.ChannelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code channels} (channels.md §0): per type its plain settings and its credentials, the latter only
 * from {@code _env} or {@code _file} keys; each channel's {@code widget} must be defined.
 */
final class ChannelParser {
    private static final List<String> COMMON = List.of("id", "type", "widget", "api_base_url", "default_region",
            "unsubscribe_keyword", "unsubscribe_confirmation");
    static final String DEFAULT_CONFIRMATION = "You are unsubscribed. Send START to subscribe again.";

    private final Registry ids = new Registry("channel id");
    private final Set<String> widgets;
    private final Secrets secrets;

    ChannelParser(Set<String> widgets, Secrets secrets) {
        this.widgets = Set.copyOf(widgets);
        this.secrets = secrets;
    }

    ChannelConfig parse(YamlNode node) {
        ChannelType type = type(node.required("type"));
        List<String> keys = new ArrayList<>(COMMON);
        keys.addAll(settingsOf(type));
        keys.addAll(optionalSettingsOf(type));
        secretsOf(type).forEach(name -> keys.addAll(Secrets.keys(name)));
        node.requireOnlyKeys(keys);
        String id = ids.claimId(node.required("id"));
        Map<String, String> settings = new LinkedHashMap<>();
        settingsOf(type).forEach(key -> settings.put(key, setting(node, type, key)));
        optionalSettingsOf(type).forEach(key -> node.get(key).ifPresent(v -> settings.put(key,
                String.valueOf(v.asBoolean()))));
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : secretsOf(type)) {
            if (unused(type, settings, name) && secrets.resolve(node, name).isEmpty()) {
                continue;
            }
            resolved.put(name, secrets.resolve(node, name).orElseThrow(() -> node.keyError(name + "_env",
                    "a " + name(type) + " channel needs " + name + "_env or " + name + "_file")));
            secrets.reference(node, name).ifPresent(ref -> credentials.put(ref.getKey(), ref.getValue()));
            if (type == ChannelType.THREEMA && name.equals("private_key")
                    && !resolved.get(name).strip().matches("(private:)?[0-9a-fA-F]{64}")) {
                throw node.keyError(secrets.reference(node, name).map(Map.Entry::getKey).orElse(name + "_file"),
                        "a Threema private key is private: and 64 hex digits, as Threema's tools write it");
            }
        }
        return new ChannelConfig(id, type, widget(node.required("widget")),
                node.get("api_base_url").map(url -> ConfigValues.httpUrl(url).toString().replaceAll("/+$", ""))
                        .orElse(defaultApi(type)),
                settings, resolved, node.get("default_region").map(WidgetParser::phoneRegion),
                node.get("unsubscribe_keyword").map(ConfigValues::text).orElse("STOP"),
                node.get("unsubscribe_confirmation").map(ConfigValues::text).orElse(DEFAULT_CONFIRMATION),
                credentials);
    }

    /** A messaging channel's type by its {@code parley.yml} name; the website widget is not one. */
    private static ChannelType type(YamlNode node) {
        List<ChannelType> messaging = Arrays.stream(ChannelType.values()).filter(t -> t != ChannelType.WEB).toList();
        String text = node.asString().strip();
        return messaging.stream().filter(t -> t.config().equals(text)).findFirst().orElseThrow(() -> node.error(
                node.quoted() + " is not one of " + String.join(", ",
                        messaging.stream().map(ChannelType::config).toList())));
    }

    private String widget(YamlNode node) {
        String widget = node.asString();
        if (!widgets.contains(widget)) {
            throw node.error("widget '" + widget + "' is not defined" + (widgets.isEmpty()
                    ? " (the file defines no widgets)" : Suggestions.didYouMean(widget, widgets)));
        }
        return widget;
    }

    private static String setting(YamlNode node, ChannelType type, String key) {
        YamlNode value = node.get(key).orElseThrow(() -> node.keyError(key, "a " + name(type) + " channel needs "
                + key));
        return switch (key) {
            case "mode" -> {
                String mode = value.asString().strip();
                if (!mode.equals("e2e") && !mode.equals("basic")) {
                    throw value.error(value.quoted() + " is not e2e or basic");
                }
                yield mode;
            }
            case "outbound_url" -> ConfigValues.httpUrl(value).toString();
            case "gateway_id" -> {
                String id = value.asString().strip();
                if (!id.matches("\\*[0-9A-Z]{7}")) {
                    throw value.error(value.quoted() + " is not a Threema Gateway ID (* and 7 of A-Z, 0-9)");
                }
                yield id;
            }
            default -> ConfigValues.text(value);
        };
    }

    /** The plain settings a channel of {@code type} requires, such as {@code phone_number_id}. */
    static List<String> settingsOf(ChannelType type) {
        return switch (type) {
            case WHATSAPP -> List.of("phone_number_id");
            case WEB, MESSENGER, TELEGRAM -> List.of();
            case SMS -> List.of("account_sid", "from");
            case THREEMA -> List.of("gateway_id", "mode");
            case CUSTOM -> List.of("outbound_url");
        };
    }

    /** The plain settings a channel of {@code type} may have, each {@code true} or {@code false}. */
    static List<String> optionalSettingsOf(ChannelType type) {
        return switch (type) {
            case TELEGRAM -> List.of("register_webhook");
            case WEB, WHATSAPP, MESSENGER, SMS, THREEMA, CUSTOM -> List.of();
        };
    }

    /** The credentials a channel of {@code type} requires, by name without {@code _env}/{@code _file}. */
    static List<String> secretsOf(ChannelType type) {
        return switch (type) {
            case WEB -> List.of();
            case WHATSAPP, MESSENGER -> List.of("access_token", "app_secret", "verify_token");
            case TELEGRAM -> List.of("bot_token", "secret_token");
            case SMS -> List.of("auth_token");
            case THREEMA -> List.of("api_secret", "private_key");
            case CUSTOM -> List.of("token");
        };
    }

    /** Whether a channel with these settings does without credential {@code name}: Threema's basic mode needs no key. */
    private static boolean unused(ChannelType type, Map<String, String> settings, String name) {
        return type == ChannelType.THREEMA && name.equals("private_key") && "basic".equals(settings.get("mode"));
    }

    private static String defaultApi(ChannelType type) {
        return switch (type) {
            case WHATSAPP, MESSENGER -> "https://graph.facebook.com/v21.0";
            case TELEGRAM -> "https://api.telegram.org";
            case SMS -> "https://api.twilio.com";
            case THREEMA -> "https://msgapi.threema.ch";
            case WEB, CUSTOM -> "";
        };
    }

    private static String name(ChannelType type) {
        return type.config();
    }
}
