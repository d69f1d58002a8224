package dev.parley.config;

/**
 * When a new conversation of the bot's group goes to the bot (chatbot-api.md §7); written
 * {@code service_time}, {@code backup}, {@code human} or {@code firewall}.
 */
public enum Behavior {
    /** Online only outside the widget's service hours. */
    SERVICE_TIME,
    /** Takes a conversation only when no human of the group is available. */
    BACKUP,
    /** Takes conversations like a human operator. */
    HUMAN,
    /** Receives every conversation of the group first. */
    FIREWALL
}
