package dev.parley.config;

import java.time.Duration;
import java.util.Objects;

/** A bot conversation's inactivity timeout: after {@code after} without messages, {@code action}. */
public record BotTimeout(Duration after, TimeoutAction action) {

    public BotTimeout {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
    }
}
