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
     * Prefixed ids are 24 hex digits: the time in milliseconds (48 bits), then 48 random bits, so ids
     * made later sort later and new rows land at the end of the indexes on them instead of on a
     * random page each; {@link #hex32} is 128 random bits. Ids name things and grant nothing — every
     * call is authorized by a token — so a fast per-thread source is enough; tokens come from
     * {@code auth.Secrets}.
     */
    static Ids random() {
        return new Ids() {
            @Override
            public String next(String prefix) {
                long random = ThreadLocalRandom.current().nextLong() >>> 16;
                return prefix + "_" + HexFormat.of().toHexDigits(System.currentTimeMillis()).substring(4)
                        + HexFormat.of().toHexDigits(random).substring(4);
            }

            @Override
            public String hex32() {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
            }
        };
    }
}
