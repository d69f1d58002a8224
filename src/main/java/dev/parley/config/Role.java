package dev.parley.config;

/** What a human operator may do in the console; written {@code agent} or {@code admin}. */
public enum Role {
    /** Handles conversations. */
    AGENT,
    /** Handles conversations and configures the workspace. */
    ADMIN
}
