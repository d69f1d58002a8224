package dev.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code auth}: operator log-in tokens and log-in limits.
 *
 * @param tokenIdle       a token unused for this long expires; each use renews it (sliding)
 * @param tokenMax        a token expires this long after the log-in however much it is used
 * @param loginPerAccount log-in attempts per e-mail address; successful ones are not counted
 * @param loginPerAddress log-in attempts per client address; successful ones are not counted
 * @param awayAfter       an online operator without an open console for this long becomes {@code away}
 */
public record AuthConfig(Duration tokenIdle, Duration tokenMax, Rate loginPerAccount, Rate loginPerAddress,
        Duration awayAfter) {
    public static final AuthConfig DEFAULTS = new AuthConfig(Duration.ofHours(12), Duration.ofDays(7),
            Rate.of(10, Duration.ofMinutes(5)), Rate.of(50, Duration.ofMinutes(5)), Duration.ofMinutes(3));

    public AuthConfig {
        Objects.requireNonNull(tokenIdle, "tokenIdle");
        Objects.requireNonNull(tokenMax, "tokenMax");
        Objects.requireNonNull(loginPerAccount, "loginPerAccount");
        Objects.requireNonNull(loginPerAddress, "loginPerAddress");
        Objects.requireNonNull(awayAfter, "awayAfter");
        if (tokenIdle.compareTo(tokenMax) > 0) {
            throw new IllegalArgumentException("token_idle must not be longer than token_max");
        }
    }
}
