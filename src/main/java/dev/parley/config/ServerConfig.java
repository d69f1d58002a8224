package dev.parley.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code server}: how the HTTP server listens.
 *
 * @param bind        the address to listen on; empty for all interfaces ({@code --bind} and {@code PARLEY_BIND} win)
 * @param idleTimeout a connection on which nothing arrives for this long is closed
 * @param readTimeout a request whose body has not fully arrived this long after the request began is refused,
 *                    however slowly its bytes keep coming
 * @param trustForwarded whether the client address is taken from {@code Forwarded} / {@code X-Forwarded-For},
 *                    which only a reverse proxy that is the sole way in may be trusted to set
 */
public record ServerConfig(Optional<String> bind, Duration idleTimeout, Duration readTimeout,
        boolean trustForwarded) {
    public static final ServerConfig DEFAULTS = new ServerConfig(Optional.empty(), Duration.ofSeconds(30),
            Duration.ofSeconds(60), false);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }
}
