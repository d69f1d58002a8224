package dev.parley.channel;

import dev.parley.channel.meta.HubChallenge;
import dev.parley.config.ChannelConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel Parley answers: its configuration (the id in {@code /channels/{id}/webhook}, the widget whose
 * conversations it feeds, the unsubscribe keyword…), its adapter, and the handshake its vendor makes when the
 * webhook is set up, if it makes one.
 */
public record ServedChannel(ChannelConfig config, ChannelAdapter adapter, Optional<HubChallenge> handshake) {
    public ServedChannel {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(handshake, "handshake");
    }

    public String id() {
        return config.id();
    }

    public String widgetId() {
        return config.widget();
    }

    public ChannelType type() {
        return adapter.type();
    }
}
