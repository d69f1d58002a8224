package dev.parley.config;

import java.util.Objects;

/** The {@code server}, {@code auth} and {@code limits} sections of {@code parley.yml}, each with its defaults. */
public record SecurityConfig(ServerConfig server, AuthConfig auth, ContactLimitsConfig limits) {
    public static final SecurityConfig DEFAULTS = new SecurityConfig(ServerConfig.DEFAULTS, AuthConfig.DEFAULTS,
            ContactLimitsConfig.DEFAULTS);

    public SecurityConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(limits, "limits");
    }
}
