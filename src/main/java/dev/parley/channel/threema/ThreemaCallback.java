package dev.parley.channel.threema;

import dev.parley.channel.Verification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Gateway's call to the callback URL (end-to-end mode), {@code application/x-www-form-urlencoded}: {@code from}
 * (the sender's Threema ID), {@code to} (the gateway ID), {@code messageId} (16 hex digits, set by the sender),
 * {@code date} (Unix seconds), {@code nonce} (48 hex digits), {@code box} (the encrypted message, hex) and
 * {@code mac}, the hex HMAC-SHA256 with the API secret of those six values as posted, joined without separators;
 * {@code nickname} is optional.
 */
record ThreemaCallback(String from, String to, String messageId, long date, byte[] nonce, byte[] box,
        Optional<String> nickname) {
    private static final List<String> SIGNED = List.of("from", "to", "messageId", "date", "nonce", "box");
    /** A box holds at most 4000 bytes (Threema's SDKs). */
    static final int MAX_BOX = 4000;

    /** Whether {@code body} carries a MAC made with {@code secret}; checked before anything of it is used. */
    static Verification verify(byte[] body, byte[] secret) {
        Map<String, String> form = form(body);
        String given = form.getOrDefault("mac", "");
        if (given.isEmpty()) {
            return new Verification.Refused("no mac field");
        }
        StringBuilder signed = new StringBuilder();
        SIGNED.forEach(name -> signed.append(form.getOrDefault(name, "")));
        byte[] expected = HexFormat.of().formatHex(hmac(secret, signed.toString())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                ? new Verification.Verified() : new Verification.Refused("the mac does not match the API secret");
    }

    /**
     * The fields of a verified call.
     *
     * @throws IllegalArgumentException naming the field and the rule it breaks
     */
    static ThreemaCallback parse(byte[] body, String gatewayId) {
        Map<String, String> form = form(body);
        String from = required(form, "from");
        if (!from.matches("[0-9A-Z*][0-9A-Z]{7}")) {
            throw new IllegalArgumentException("from: must be a Threema ID of 8 characters (A-Z, 0-9)");
        }
        if (!required(form, "to").equals(gatewayId)) {
            throw new IllegalArgumentException("to: must be this channel's gateway ID " + gatewayId);
        }
        String messageId = required(form, "messageId").toLowerCase(Locale.ROOT);
        if (!messageId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("messageId: must be 16 hex digits");
        }
        String date = required(form, "date");
        if (!date.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("date: must be Unix seconds");
        }
        String nonce = required(form, "nonce");
        if (!nonce.matches("[0-9a-fA-F]{48}")) {
            throw new IllegalArgumentException("nonce: must be 48 hex digits (24 bytes)");
        }
        String box = required(form, "box");
        if (!box.matches("([0-9a-fA-F]{2})+") || box.length() / 2 > MAX_BOX
                || box.length() / 2 <= ThreemaCrypto.MAC_BYTES) {
            throw new IllegalArgumentException("box: must be hex of more than 16 and at most " + MAX_BOX + " bytes");
        }
        return new ThreemaCallback(from, gatewayId, messageId, Long.parseLong(date), HexFormat.of().parseHex(nonce),
                HexFormat.of().parseHex(box), Optional.ofNullable(form.get("nickname")).map(String::strip)
                        .filter(n -> !n.isEmpty()));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.getOrDefault(name, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }

    /** The form's fields, the first value of each. */
    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static byte[] hmac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
