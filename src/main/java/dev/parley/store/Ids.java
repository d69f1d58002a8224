package dev.parley.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes identifiers; injected so tests can predict them. */
public interface Ids {
    /** A new unique id with a readable prefix, e.g. {@code conv_…}. */
    String next(String prefix);

    /** 32 lowercase hex characters. */
    String hex32();

    /** Random ids from a secure source. */
    static Ids random() {
        SecureRandom random = new SecureRandom();
        return new Ids() {
            @Override
            public String next(String prefix) {
                return prefix + "_" + hex32().substring(0, 24);
            }

            @Override
            public String hex32() {
                byte[] b = new byte[16];
                random.nextBytes(b);
                return HexFormat.of().formatHex(b);
            }
        };
    }
}
