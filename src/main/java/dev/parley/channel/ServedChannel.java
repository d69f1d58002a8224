package dev.parley.channel;

import dev.parley.channel.meta.HubChallenge;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel Parley answers: its id (in {@code /channels/{id}/webhook}), the widget whose conversations it feeds,
 * its adapter, and the handshake its vendor makes when the webhook is set up, if it makes one.
 */
public record ServedChannel(String id, String widgetId, ChannelAdapter adapter, Optional<HubChallenge> handshake) {
    public ServedChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(widgetId, "widgetId");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(handshake, "handshake");
    }

    public ChannelType type() {
        return adapter.type();
    }
}
