package dev.parley.chatbot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} for bots that
 * have a signing secret. Secrets come from the environment at start and stay in memory only.
 */
final class WebhookSigner {
    private final Map<String, String> secretsByBot;

    WebhookSigner(Map<String, String> secretsByBot) {
        this.secretsByBot = Map.copyOf(secretsByBot);
    }

    Optional<String> signature(String botId, String body, Instant at) {
        String secret = secretsByBot.get(botId);
        if (secret == null) {
            return Optional.empty();
        }
        long t = at.getEpochSecond();
        return Optional.of("t=" + t + ",v1=" + hmac(secret, t + "." + body));
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
