package dev.parley.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a contact writes from. {@link #wire()} is {@code info.conversation.contact_channel.type} of
 * the Chatbot API (chatbot-api.md §3.1) and what conversations store; {@link #config()} is the
 * {@code type} of a channel in {@code parley.yml} (channels.md §0).
 */
public enum ChannelType {
    WEB("web", "web"),
    WHATSAPP("whatsapp_business", "whatsapp"),
    MESSENGER("facebook", "messenger"),
    TELEGRAM("telegram", "telegram"),
    SMS("sms", "sms"),
    THREEMA("threema", "threema"),
    CUSTOM("custom", "custom");

    private final String wire;
    private final String config;

    ChannelType(String wire, String config) {
        this.wire = wire;
        this.config = config;
    }

    public String wire() {
        return wire;
    }

    public String config() {
        return config;
    }

    public static Optional<ChannelType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public static Optional<ChannelType> fromConfig(String config) {
        return Arrays.stream(values()).filter(t -> t.config.equals(config)).findFirst();
    }
}
