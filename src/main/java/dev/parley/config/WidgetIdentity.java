package dev.parley.config;

import java.util.Objects;

/**
 * Signed visitor identity of a widget: the site's back end signs the external id of its logged-in user with
 * {@code secret} (hex HMAC-SHA256), and the widget presents id and signature so that the visitor is that
 * contact. The secret is never shown by {@link #toString()}.
 */
public record WidgetIdentity(String secret) {
    /**
     * The shortest secret the configuration takes: a visitor sees one signed id (their own) in the page, and a
     * short key could be guessed from it offline.
     */
    public static final int MIN_SECRET_LENGTH = 32;

    public WidgetIdentity {
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "WidgetIdentity[secret=" + Masked.MASK + "]";
    }
}
