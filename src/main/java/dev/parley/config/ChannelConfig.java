package dev.parley.config;

import dev.parley.channel.ChannelType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A messaging channel (channels.md §0): an account of a messaging app whose conversations are the conversations
 * of {@code widget}.
 *
 * @param apiBaseUrl   the vendor API, such as {@code https://graph.facebook.com/v21.0}; tests point it at a stand-in
 * @param settings     the type's plain settings by key ({@code phone_number_id}, {@code account_sid},
 *                     {@code from}, {@code gateway_id}, {@code mode}, {@code outbound_url})
 * @param secrets      the type's credentials by name without {@code _env}/{@code _file} ({@code access_token},
 *                     {@code app_secret}, {@code verify_token}, {@code bot_token}, …); never shown by
 *                     {@link #toString()}
 * @param credentials  where each credential comes from, by its {@code parley.yml} key: {@code access_token_env}
 *                     → the variable's name, {@code private_key_file} → the file's absolute path; never a value
 * @param defaultRegion the region national phone numbers are read in, if any
 */
public record ChannelConfig(String id, ChannelType type, String widget, String apiBaseUrl,
        Map<String, String> settings, Map<String, String> secrets, Optional<String> defaultRegion,
        String unsubscribeKeyword, String unsubscribeConfirmation, Map<String, String> credentials) {

    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(unsubscribeKeyword, "unsubscribeKeyword");
        Objects.requireNonNull(unsubscribeConfirmation, "unsubscribeConfirmation");
        credentials = Map.copyOf(credentials);
    }

    /** A channel whose credentials' sources are not known (built in code rather than read). */
    public ChannelConfig(String id, ChannelType type, String widget, String apiBaseUrl, Map<String, String> settings,
            Map<String, String> secrets, Optional<String> defaultRegion, String unsubscribeKeyword,
            String unsubscribeConfirmation) {
        this(id, type, widget, apiBaseUrl, settings, secrets, defaultRegion, unsubscribeKeyword,
                unsubscribeConfirmation, Map.of());
    }

    /** A plain setting the channel's type requires, such as {@code phone_number_id}. */
    public String setting(String key) {
        return Optional.ofNullable(settings.get(key)).orElseThrow(() -> new IllegalArgumentException(
                type.name().toLowerCase(java.util.Locale.ROOT) + " channels have no setting " + key));
    }

    /** A credential the channel's type requires, such as {@code access_token}. */
    public String secret(String name) {
        return Optional.ofNullable(secrets.get(name)).orElseThrow(() -> new IllegalArgumentException(
                type.name().toLowerCase(java.util.Locale.ROOT) + " channels have no secret " + name));
    }

    @Override
    public String toString() {
        return "ChannelConfig[id=" + id + ", type=" + type + ", widget=" + widget + ", apiBaseUrl=" + apiBaseUrl
                + ", settings=" + settings + ", secrets=" + Masked.values(secrets) + ", defaultRegion="
                + defaultRegion + ", unsubscribeKeyword=" + unsubscribeKeyword + ", credentials=" + credentials + "]";
    }
}
