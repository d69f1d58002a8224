package dev.parley.channel.store;

import dev.parley.channel.ChannelType;
import dev.parley.config.ChannelConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored messaging channel (channels.md §0). Its credentials are kept as where they come from, never as values:
 * {@code access_token_env} → the variable's name, {@code private_key_file} → the file's path; {@link #resolve}
 * reads them when the channel is used.
 *
 * @param source   whether {@code parley.yml} made it (the file wins at every start) or the console
 * @param disabled a disabled channel receives and sends nothing; its conversations stay
 */
public record Channel(String id, ChannelType type, String widget, String apiBaseUrl, Map<String, String> settings,
        Map<String, String> credentials, Optional<String> defaultRegion, String unsubscribeKeyword,
        String unsubscribeConfirmation, Source source, boolean disabled) {

    public enum Source { FILE, CONSOLE }

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        settings = Map.copyOf(settings);
        credentials = Map.copyOf(credentials);
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(unsubscribeKeyword, "unsubscribeKeyword");
        Objects.requireNonNull(unsubscribeConfirmation, "unsubscribeConfirmation");
        Objects.requireNonNull(source, "source");
    }

    /** Where the vendor sends this channel's events: {@code {public_base_url}/channels/{id}/webhook}. */
    public String webhookUrl(String publicBaseUrl) {
        return webhookUrl(publicBaseUrl, id);
    }

    /** The webhook URL of channel {@code id} (which vendors such as Twilio sign, and are told to call back). */
    public static String webhookUrl(String publicBaseUrl, String id) {
        return publicBaseUrl.replaceAll("/+$", "") + "/channels/" + id + "/webhook";
    }

    /**
     * The channel with its credentials read from {@code env} or their files, as the adapters use it.
     *
     * @throws ChannelCredentials.Unreadable naming the key whose variable is not set or whose file cannot be read
     */
    public ChannelConfig resolve(Map<String, String> env) {
        Map<String, String> secrets = new LinkedHashMap<>();
        credentials.forEach((key, reference) -> secrets.put(ChannelCredentials.name(key),
                ChannelCredentials.read(key, reference, env)));
        return new ChannelConfig(id, type, widget, apiBaseUrl, settings, secrets, defaultRegion, unsubscribeKeyword,
                unsubscribeConfirmation, credentials);
    }

    /** One credential, such as {@code verify_token}, read from its variable or file; empty when it has none. */
    public Optional<String> credential(String name, Map<String, String> env) {
        return credentials.entrySet().stream().filter(e -> ChannelCredentials.name(e.getKey()).equals(name))
                .findFirst().map(e -> ChannelCredentials.read(e.getKey(), e.getValue(), env));
    }

    /** The channel as {@code parley.yml} would give it, without secrets: what the store keeps of {@code config}. */
    static Channel of(ChannelConfig config, Source source) {
        return new Channel(config.id(), config.type(), config.widget(), config.apiBaseUrl(), config.settings(),
                config.credentials(), config.defaultRegion(), config.unsubscribeKeyword(),
                config.unsubscribeConfirmation(), source, false);
    }
}
