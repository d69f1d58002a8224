package dev.parley.channel;

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
}
