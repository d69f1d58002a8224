package dev.parley.channel.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature (WhatsApp Cloud API and Messenger): {@code X-Hub-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw request body keyed with the app secret. It is checked over the bytes exactly as they
 * arrived (Meta signs its escaped-unicode body, so re-serialised JSON would not match), before anything is
 * parsed, and compared in constant time.
 */
public final class HubSignature {
    /** The header Meta signs webhooks with. */
    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecretKeySpec key;

    public HubSignature(String appSecret) {
        if (appSecret.isEmpty()) {
            throw new IllegalArgumentException("the app secret is empty");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Checks {@code header} (the value of {@link #HEADER}, when the request had one) against {@code body}. */
    public SignatureCheck check(byte[] body, Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return new SignatureCheck.Missing();
        }
        String value = header.get().strip();
        if (!value.startsWith(PREFIX)) {
            return new SignatureCheck.Malformed("the signature must start with \"sha256=\"");
        }
        String hex = value.substring(PREFIX.length());
        if (!HEX64.matcher(hex).matches()) {
            return new SignatureCheck.Malformed("after \"sha256=\" come 64 hex digits, not " + hex.length()
                    + " characters");
        }
        byte[] given = HexFormat.of().parseHex(hex);
        return MessageDigest.isEqual(given, digest(body)) ? new SignatureCheck.Valid() : new SignatureCheck.Mismatch();
    }

    /** The header value Meta would send for {@code body}. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(digest(body));
    }

    private byte[] digest(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
