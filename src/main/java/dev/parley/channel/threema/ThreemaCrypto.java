package dev.parley.channel.threema;

import com.goterl.lazysodium.SodiumJava;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * NaCl as Threema uses it, all of it done by libsodium (lazysodium's bundled build): {@code crypto_box}
 * (X25519, XSalsa20, Poly1305) between the gateway's private key and a Threema ID's public key for messages,
 * {@code crypto_secretbox} with a random key for the files a file message names, and the X25519 public key of a
 * private key. Boxes are in NaCl's "easy" layout, the 16-byte MAC first, as the Gateway sends and takes them.
 */
final class ThreemaCrypto {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 24;
    static final int MAC_BYTES = 16;
    /** The nonce of a file's data in a file message (the thumbnail's would end in 2). */
    static final byte[] FILE_NONCE = fileNonce();

    private static final SodiumJava SODIUM = sodium();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ThreemaCrypto() {}

    /** {@code plain} boxed for the holder of {@code theirPublic}, from the holder of {@code ourPrivate}. */
    static byte[] box(byte[] plain, byte[] nonce, byte[] theirPublic, byte[] ourPrivate) {
        lengths(nonce, theirPublic, ourPrivate);
        byte[] out = new byte[plain.length + MAC_BYTES];
        if (SODIUM.crypto_box_easy(out, plain, plain.length, nonce, theirPublic, ourPrivate) != 0) {
            throw new IllegalArgumentException("the public key is not a usable X25519 key");
        }
        return out;
    }

    /** The content of {@code box}, or empty when it was not boxed for these keys and nonce (or was altered). */
    static Optional<byte[]> open(byte[] box, byte[] nonce, byte[] theirPublic, byte[] ourPrivate) {
        lengths(nonce, theirPublic, ourPrivate);
        if (box.length < MAC_BYTES) {
            return Optional.empty();
        }
        byte[] out = new byte[box.length - MAC_BYTES];
        return SODIUM.crypto_box_open_easy(out, box, box.length, nonce, theirPublic, ourPrivate) == 0
                ? Optional.of(out) : Optional.empty();
    }

    /** {@code plain} sealed with the symmetric {@code key}. */
    static byte[] secretBox(byte[] plain, byte[] nonce, byte[] key) {
        lengths(nonce, key, key);
        byte[] out = new byte[plain.length + MAC_BYTES];
        if (SODIUM.crypto_secretbox_easy(out, plain, plain.length, nonce, key) != 0) {
            throw new IllegalStateException("crypto_secretbox failed");
        }
        return out;
    }

    /** The content sealed with {@code key}, or empty when the key does not open it. */
    static Optional<byte[]> secretOpen(byte[] sealed, byte[] nonce, byte[] key) {
        lengths(nonce, key, key);
        if (sealed.length < MAC_BYTES) {
            return Optional.empty();
        }
        byte[] out = new byte[sealed.length - MAC_BYTES];
        return SODIUM.crypto_secretbox_open_easy(out, sealed, sealed.length, nonce, key) == 0
                ? Optional.of(out) : Optional.empty();
    }

    /** The public key of {@code privateKey}. */
    static byte[] publicKey(byte[] privateKey) {
        lengths(new byte[NONCE_BYTES], privateKey, privateKey);
        byte[] out = new byte[KEY_BYTES];
        if (SODIUM.crypto_scalarmult_base(out, privateKey) != 0) {
            throw new IllegalArgumentException("the private key is not usable");
        }
        return out;
    }

    static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    /**
     * A key as Threema's tools write it to a key file ({@code private:<64 hex digits>}, or the hex digits alone).
     *
     * @throws IllegalArgumentException naming what is wrong, never the key
     */
    static byte[] privateKey(String text) {
        String hex = text.strip();
        hex = hex.startsWith("private:") ? hex.substring("private:".length()) : hex;
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("the private key must be private: and 64 hex digits (32 bytes)");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static void lengths(byte[] nonce, byte[] key, byte[] otherKey) {
        if (nonce.length != NONCE_BYTES || key.length != KEY_BYTES || otherKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("NaCl takes 24-byte nonces and 32-byte keys");
        }
    }

    private static byte[] fileNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        nonce[NONCE_BYTES - 1] = 1;
        return nonce;
    }

    private static SodiumJava sodium() {
        SodiumJava sodium = new SodiumJava();
        if (sodium.sodium_init() < 0) {
            throw new IllegalStateException("libsodium could not be initialised");
        }
        return sodium;
    }
}
