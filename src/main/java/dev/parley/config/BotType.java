package dev.parley.config;

/** How a bot is reached; written {@code api} or {@code flow}. */
public enum BotType {
    /** An external bot called over the Chatbot API webhook. */
    API,
    /** A built-in bot running a flow file. */
    FLOW
}
