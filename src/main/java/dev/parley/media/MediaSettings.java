package dev.parley.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Limits for the files contacts upload and bots send: the largest file, and which private-network
 * addresses Parley may fetch from. Built from {@code PARLEY_MEDIA_*} variables, or by tests.
 *
 * @param maxBytes the largest file accepted, in bytes
 * @param allowPrivate whether any private-network address may be fetched
 * @param privateOrigins private origins that may be fetched even when {@code allowPrivate} is off:
 *     {@code host} (any port) or {@code host:port}, lower case, as written in URLs
 */
public record MediaSettings(long maxBytes, boolean allowPrivate, Set<String> privateOrigins) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern ORIGIN = Pattern.compile("^([a-z0-9.-]+|\\[[0-9a-f:.]+])(:[0-9]{1,5})?$");

    public MediaSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the media size limit must be at least 1 byte, got " + maxBytes);
        }
        privateOrigins = Set.copyOf(privateOrigins);
    }

    /** 10 MB, and no private-network fetches. */
    public static MediaSettings defaults() {
        return new MediaSettings(DEFAULT_MAX_BYTES, false, Set.of());
    }

    /**
     * Reads {@code PARLEY_MEDIA_MAX_BYTES} (a whole number of bytes) and {@code PARLEY_MEDIA_ALLOW_PRIVATE}
     * ({@code true}, {@code false}, or a comma-separated list of {@code host[:port]} origins).
     */
    public static MediaSettings fromEnv(Map<String, String> env) {
        long max = DEFAULT_MAX_BYTES;
        String rawMax = env.getOrDefault("PARLEY_MEDIA_MAX_BYTES", "").trim();
        if (!rawMax.isEmpty()) {
            try {
                max = Long.parseLong(rawMax);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PARLEY_MEDIA_MAX_BYTES must be a whole number of bytes, got '"
                        + rawMax + "'");
            }
        }
        String allow = env.getOrDefault("PARLEY_MEDIA_ALLOW_PRIVATE", "").trim().toLowerCase(Locale.ROOT);
        if (allow.isEmpty() || allow.equals("false")) {
            return new MediaSettings(max, false, Set.of());
        }
        if (allow.equals("true")) {
            return new MediaSettings(max, true, Set.of());
        }
        Set<String> origins = Arrays.stream(allow.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("PARLEY_MEDIA_ALLOW_PRIVATE must be true, false or a"
                        + " comma-separated list of host[:port] entries; '" + origin + "' is none of these");
            }
        }
        return new MediaSettings(max, false, origins);
    }

    /** True when {@code host} (as in the URL) on {@code port} may be fetched although it is private. */
    boolean allowsPrivate(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowPrivate || privateOrigins.contains(h) || privateOrigins.contains(h + ":" + port);
    }
}
