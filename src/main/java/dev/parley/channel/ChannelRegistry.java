package dev.parley.channel;

import dev.parley.channel.messenger.MessengerChannel;
import dev.parley.channel.messenger.MessengerClient;
import dev.parley.channel.meta.HubChallenge;
import dev.parley.channel.whatsapp.WhatsAppChannel;
import dev.parley.channel.whatsapp.WhatsAppClient;
import dev.parley.config.ChannelConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place channels are looked up by id: built from the configured {@code channels:}, each with its adapter.
 * Types whose adapter is not built yet are named by {@link #notServed()} and not found by {@link #find}.
 */
public final class ChannelRegistry {
    /** How long one call to a vendor's API may take before it counts as a retry. */
    public static final Duration VENDOR_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ServedChannel> served;
    private final List<ChannelConfig> notServed;

    private ChannelRegistry(Map<String, ServedChannel> served, List<ChannelConfig> notServed) {
        this.served = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(served));
        this.notServed = List.copyOf(notServed);
    }

    /** The adapters of {@code configs}; files contacts send are stored through {@code media}. */
    public static ChannelRegistry of(List<ChannelConfig> configs, ChannelMedia media) {
        Map<String, ServedChannel> served = new LinkedHashMap<>();
        List<ChannelConfig> notServed = new java.util.ArrayList<>();
        for (ChannelConfig c : configs) {
            adapter(c, media).ifPresentOrElse(adapter -> served.put(c.id(), new ServedChannel(c.id(), c.widget(),
                    adapter, Optional.of(new HubChallenge(c.secret("verify_token"))))), () -> notServed.add(c));
        }
        return new ChannelRegistry(served, notServed);
    }

    private static Optional<ChannelAdapter> adapter(ChannelConfig c, ChannelMedia media) {
        return switch (c.type()) {
            case WHATSAPP -> Optional.of(new WhatsAppChannel(c.id(), c.secret("app_secret"),
                    new WhatsAppClient(c.apiBaseUrl(), c.setting("phone_number_id"), c.secret("access_token"),
                            VENDOR_TIMEOUT), media));
            case MESSENGER -> Optional.of(new MessengerChannel(c.secret("app_secret"),
                    new MessengerClient(c.apiBaseUrl(), c.secret("access_token"), VENDOR_TIMEOUT), media));
            case WEB, TELEGRAM, SMS, THREEMA, CUSTOM -> Optional.empty();
        };
    }

    /** The served channel {@code id}, if there is one. */
    public Optional<ServedChannel> find(String id) {
        return Optional.ofNullable(served.get(id));
    }

    /** The channels served, in the order of the configuration. */
    public List<ServedChannel> served() {
        return List.copyOf(served.values());
    }

    /** Configured channels of types this version does not serve yet. */
    public List<ChannelConfig> notServed() {
        return notServed;
    }
}
