package dev.parley.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * High-entropy tokens (contact tokens, bot API tokens): generated randomly, stored only as their
 * SHA-256 digest (a slow hash adds nothing for 256-bit random secrets), verified in constant time;
 * and HMAC-SHA256 signatures (webhooks Parley signs, visitor ids a site signs).
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new random token: 32 bytes, URL-safe hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Constant-time check of {@code presented} against a stored {@link #hash}. */
    public static boolean matches(String presented, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(presented), expected);
    }

    /** The hex HMAC-SHA256 of {@code message} under {@code key} (both UTF-8). */
    public static String hmac(String key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex HMAC-SHA256 of the bytes {@code message} under {@code key} (UTF-8). */
    public static String hmac(String key, byte[] message) {
        return HexFormat.of().formatHex(hmacBytes(key, message));
    }

    /** Constant-time check of a hex {@link #hmac} (either case); false for anything that is not 64 hex digits. */
    public static boolean hmacMatches(String key, String message, String presentedHex) {
        return hmacMatches(key, message.getBytes(StandardCharsets.UTF_8), presentedHex);
    }

    /** Constant-time check of a hex {@link #hmac} of bytes (either case); false for anything not 64 hex digits. */
    public static boolean hmacMatches(String key, byte[] message, String presentedHex) {
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(presentedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacBytes(key, message), presented);
    }

    private static byte[] hmacBytes(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
