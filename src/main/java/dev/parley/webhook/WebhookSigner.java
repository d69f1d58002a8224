package dev.parley.webhook;

import dev.parley.auth.Secrets;
import java.time.Instant;

/**
 * {@code Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} for bots and
 * add-ons that have a signing secret.
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    /** The {@code Parley-Signature} value for {@code body} sent at {@code at}. */
    public static String header(String secret, String body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + Secrets.hmac(secret, t + "." + body);
    }
}
