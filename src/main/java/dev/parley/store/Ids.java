package dev.parley.store;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Makes identifiers; injected so tests can predict them. */
public interface Ids {
    /** A new unique id with a readable prefix, e.g. {@code conv_…}. */
    String next(String prefix);

    /** 32 lowercase hex characters. */
    String hex32();

    /**
     * Random ids (96 bits for prefixed ids, 128 for {@link #hex32}). They name things and grant
     * nothing — every call is authorized by a token — so a fast per-thread source is enough; tokens
     * come from {@code auth.Secrets}.
     */
    static Ids random() {
        return new Ids() {
            @Override
            public String next(String prefix) {
                return prefix + "_" + hex32().substring(0, 24);
            }

            @Override
            public String hex32() {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
            }
        };
    }
}
