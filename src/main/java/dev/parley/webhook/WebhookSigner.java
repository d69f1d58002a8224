package dev.parley.webhook;

import dev.parley.auth.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} for bots and
 * add-ons that have a signing secret, and for the custom channel in both directions; {@link #check} verifies one
 * (constant time, with a bounded clock difference, so an old request replayed is refused).
 */
public final class WebhookSigner {
    /** The header the signature travels in. */
    public static final String HEADER = "Parley-Signature";
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    private WebhookSigner() {}

    /** The {@code Parley-Signature} value for {@code body} sent at {@code at}. */
    public static String header(String secret, String body, Instant at) {
        return header(secret, body.getBytes(StandardCharsets.UTF_8), at);
    }

    /** The {@code Parley-Signature} value for the raw bytes {@code body} sent at {@code at}. */
    public static String header(String secret, byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + Secrets.hmac(secret, signed(t, body));
    }

    /** What checking a {@code Parley-Signature} found. */
    public sealed interface Check {
        /** Signed with the secret, within the tolerance. */
        record Valid() implements Check {}

        /** No header. */
        record Missing() implements Check {}

        /** Not {@code t=<unix seconds>,v1=<64 hex digits>}; {@code detail} says what is wrong. */
        record Malformed(String detail) implements Check {}

        /** Well formed, but no {@code v1} is the body's signature under the secret at {@code t}. */
        record Mismatch() implements Check {}

        /** A valid signature whose {@code t} is further from now than the tolerance: an old request replayed. */
        record Expired(Duration off) implements Check {}
    }

    /**
     * Checks {@code header} (the {@link #HEADER} value, when there was one) over the raw {@code body}: every
     * {@code v1} is compared in constant time (several are allowed while a secret is rotated), and {@code t} must
     * be within {@code tolerance} of {@code now}, before or after.
     */
    public static Check check(String secret, byte[] body, Optional<String> header, Instant now, Duration tolerance) {
        if (header.isEmpty() || header.get().isBlank()) {
            return new Check.Missing();
        }
        Optional<Long> t = Optional.empty();
        List<String> signatures = new ArrayList<>();
        for (String part : header.get().split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return new Check.Malformed("each part is key=value, not \"" + part.strip() + "\"");
            }
            switch (pair[0]) {
                case "t" -> {
                    if (!SECONDS.matcher(pair[1]).matches()) {
                        return new Check.Malformed("t must be Unix seconds");
                    }
                    t = Optional.of(Long.parseLong(pair[1]));
                }
                case "v1" -> {
                    if (!HEX64.matcher(pair[1]).matches()) {
                        return new Check.Malformed("v1 must be 64 hex digits");
                    }
                    signatures.add(pair[1]);
                }
                default -> { }
            }
        }
        if (t.isEmpty() || signatures.isEmpty()) {
            return new Check.Malformed("t and v1 are required");
        }
        byte[] message = signed(t.get(), body);
        boolean matches = false;
        for (String signature : signatures) {
            matches |= Secrets.hmacMatches(secret, message, signature);
        }
        if (!matches) {
            return new Check.Mismatch();
        }
        Duration off = Duration.between(Instant.ofEpochSecond(t.get()), now).abs();
        return off.compareTo(tolerance) > 0 ? new Check.Expired(off) : new Check.Valid();
    }

    private static byte[] signed(long t, byte[] body) {
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return message;
    }
}
