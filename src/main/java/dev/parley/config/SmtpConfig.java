package dev.parley.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The mail server transcripts are sent through ({@code smtp} in {@code parley.yml}).
 *
 * @param from     the sender, such as {@code Parley <noreply@example.com>}
 * @param username the log-in, present exactly when {@code password} is
 * @param password never shown by {@link #toString()}
 * @param starttls whether the connection must be upgraded to TLS before anything is sent
 */
public record SmtpConfig(String host, int port, String from, Optional<String> username, Optional<String> password,
        boolean starttls) {

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", from=" + from + ", username="
                + Masked.secret(username) + ", password=" + Masked.secret(password) + ", starttls=" + starttls + "]";
    }
}
