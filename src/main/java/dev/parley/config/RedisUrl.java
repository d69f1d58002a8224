package dev.parley.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A Redis URL, {@code redis://[user:password@]host[:port][/db]} or {@code rediss://…} for TLS. */
public final class RedisUrl {
    private static final Set<String> SCHEMES = Set.of("redis", "rediss");
    private static final String RULE = " is not a Redis URL; write redis://host:port or rediss://host:port";

    private RedisUrl() {
    }

    static String parse(YamlNode node) {
        String text = node.asString().strip();
        return check(text).orElseThrow(() -> node.error(
                "'" + withoutPassword(text) + "'" + RULE));
    }

    /**
     * {@code PARLEY_REDIS_URL} when set, else {@code fromFile}.
     *
     * @throws ConfigException naming the variable when it is not a Redis URL
     */
    public static Optional<String> effective(java.util.Map<String, String> env, Optional<String> fromFile) {
        String text = env.getOrDefault("PARLEY_REDIS_URL", "").strip();
        if (text.isEmpty()) {
            return fromFile;
        }
        return Optional.of(check(text).orElseThrow(() -> new ConfigException("environment", "PARLEY_REDIS_URL",
                "'" + withoutPassword(text) + "'" + RULE)));
    }

    private static Optional<String> check(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return SCHEMES.contains(scheme) && uri.getHost() != null && (uri.getPort() == -1
                    || uri.getPort() <= 65535) ? Optional.of(text) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Error messages never carry secrets: the user-info part is masked. */
    private static String withoutPassword(String text) {
        return text.replaceFirst("//[^/@]*@", "//***@");
    }
}
