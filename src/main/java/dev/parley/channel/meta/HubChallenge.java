package dev.parley.channel.meta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code GET} handshake Meta makes when a webhook is set up: {@code hub.mode=subscribe} with the configured
 * {@code hub.verify_token} is answered with {@code hub.challenge} as the plain-text body; anything else is
 * refused (403).
 */
public final class HubChallenge {
    private final byte[] verifyToken;

    public HubChallenge(String verifyToken) {
        if (verifyToken.isEmpty()) {
            throw new IllegalArgumentException("the verify token is empty");
        }
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The answer to a handshake, from its query parameters (names with their dots, as Meta sends them). */
    public Answer answer(Map<String, String> query) {
        Optional<String> mode = Optional.ofNullable(query.get("hub.mode"));
        Optional<String> token = Optional.ofNullable(query.get("hub.verify_token"));
        Optional<String> challenge = Optional.ofNullable(query.get("hub.challenge"));
        if (!mode.equals(Optional.of("subscribe"))) {
            return new Answer.Refused("hub.mode must be \"subscribe\"");
        }
        if (token.isEmpty() || !MessageDigest.isEqual(verifyToken, token.get().getBytes(StandardCharsets.UTF_8))) {
            return new Answer.Refused("hub.verify_token does not match the channel's verify token");
        }
        if (challenge.isEmpty() || challenge.get().isEmpty()) {
            return new Answer.Refused("hub.challenge is missing");
        }
        return new Answer.Challenge(challenge.get());
    }

    /** A handshake's answer. */
    public sealed interface Answer {
        /** Answer {@code 200} with {@code challenge} as a {@code text/plain} body. */
        record Challenge(String challenge) implements Answer {}

        /** Answer {@code 403}; {@code reason} is for the log, never for the caller. */
        record Refused(String reason) implements Answer {}
    }
}
