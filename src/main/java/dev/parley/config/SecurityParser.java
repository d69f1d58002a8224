package dev.parley.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code server}, {@code auth} and {@code limits}; every key is optional and falls back to its default. */
final class SecurityParser {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]%]{1,253}");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(|B|KB|MB|GB)", Pattern.CASE_INSENSITIVE);

    private SecurityParser() {}

    static SecurityConfig parse(YamlNode root) {
        return new SecurityConfig(
                section(root, "server", ServerConfig.DEFAULTS, SecurityParser::server),
                section(root, "auth", AuthConfig.DEFAULTS, SecurityParser::auth),
                section(root, "limits", ContactLimitsConfig.DEFAULTS, SecurityParser::limits));
    }

    private static <T> T section(YamlNode root, String key, T defaults, Function<YamlNode, T> parser) {
        return root.get(key).map(parser).orElse(defaults);
    }

    private static ServerConfig server(YamlNode node) {
        node.requireOnlyKeys(List.of("bind", "idle_timeout", "read_timeout", "trust_forwarded"));
        ServerConfig d = ServerConfig.DEFAULTS;
        return new ServerConfig(node.get("bind").map(SecurityParser::host),
                duration(node, "idle_timeout", d.idleTimeout()), duration(node, "read_timeout", d.readTimeout()),
                node.get("trust_forwarded").map(YamlNode::asBoolean).orElse(d.trustForwarded()));
    }

    private static AuthConfig auth(YamlNode node) {
        node.requireOnlyKeys(List.of("token_idle", "token_max", "login_per_account", "login_per_address",
                "away_after"));
        AuthConfig d = AuthConfig.DEFAULTS;
        Duration idle = duration(node, "token_idle", d.tokenIdle());
        Duration max = duration(node, "token_max", d.tokenMax());
        if (idle.compareTo(max) > 0) {
            throw node.keyError("token_idle", "must not be longer than token_max (" + max + ")");
        }
        return new AuthConfig(idle, max, rate(node, "login_per_account", d.loginPerAccount()),
                rate(node, "login_per_address", d.loginPerAddress()), duration(node, "away_after", d.awayAfter()));
    }

    private static ContactLimitsConfig limits(YamlNode node) {
        node.requireOnlyKeys(List.of("open_per_address", "write_per_contact", "write_per_address",
                "upload_per_contact", "upload_per_address", "media_per_conversation"));
        ContactLimitsConfig d = ContactLimitsConfig.DEFAULTS;
        return new ContactLimitsConfig(rate(node, "open_per_address", d.openPerAddress()),
                rate(node, "write_per_contact", d.writePerContact()),
                rate(node, "write_per_address", d.writePerAddress()),
                rate(node, "upload_per_contact", d.uploadPerContact()),
                rate(node, "upload_per_address", d.uploadPerAddress()),
                node.get("media_per_conversation").map(SecurityParser::size).orElse(d.mediaPerConversation()));
    }

    private static Duration duration(YamlNode node, String key, Duration fallback) {
        return node.get(key).map(ConfigValues::positiveDuration).orElse(fallback);
    }

    private static Rate rate(YamlNode node, String key, Rate fallback) {
        return node.get(key).map(Rate::parse).orElse(fallback);
    }

    private static String host(YamlNode node) {
        String host = node.asString().strip();
        if (!HOST.matcher(host).matches()) {
            throw node.error(node.quoted() + " is not an address to listen on (such as 127.0.0.1, ::1 or 0.0.0.0)");
        }
        return host;
    }

    /** Bytes, written as a whole number optionally followed by KB, MB or GB (powers of 1024). */
    private static long size(YamlNode node) {
        Matcher m = SIZE.matcher(node.asString().strip());
        if (!m.matches()) {
            throw node.error(node.quoted() + " is not a size; write bytes or a number with KB, MB or GB");
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < 1) {
            throw node.error("must be at least 1 byte");
        }
        return bytes;
    }
}
