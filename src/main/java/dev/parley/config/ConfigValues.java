package dev.parley.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks for the kinds of values {@code parley.yml} is made of. */
final class ConfigValues {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ConfigValues() {
    }

    static String id(YamlNode node) {
        String id = node.asString();
        if (!ID.matcher(id).matches()) {
            throw node.error(node.quoted() + " is not a valid id (1 to 64 letters, digits, '_', '.' or '-')");
        }
        return id;
    }

    /** Non-blank text, without surrounding white space. */
    static String text(YamlNode node) {
        String text = node.asString().strip();
        if (text.isEmpty()) {
            throw node.error("must not be empty");
        }
        return text;
    }

    static String email(YamlNode node) {
        String email = node.asString().strip();
        if (!EMAIL.matcher(email).matches()) {
            throw node.error(node.quoted() + " is not an e-mail address");
        }
        return email;
    }

    static int slots(YamlNode node) {
        return node.asInt(1, 1000);
    }

    static Duration positiveDuration(YamlNode node) {
        Duration duration = node.asDuration();
        if (duration.isZero()) {
            throw node.error("must be longer than zero");
        }
        return duration;
    }

    static URI httpUrl(YamlNode node) {
        return httpUrl(node.asString().strip())
                .orElseThrow(() -> node.error(node.quoted() + " is not an absolute http(s) URL"));
    }

    static Optional<URI> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) URL, or a path on this server starting with {@code /}. */
    static String avatarUrl(YamlNode node) {
        String text = node.asString().strip();
        if (text.startsWith("/") && !text.startsWith("//") && httpUrl("http://localhost" + text).isPresent()) {
            return text;
        }
        return httpUrl(node).toString();
    }

    /** HTTP headers; the values may be secrets and are never quoted in errors. */
    static Map<String, String> headers(YamlNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        node.entries().forEach((name, valueNode) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw valueNode.error("'" + name + "' is not a valid HTTP header name");
            }
            if (!seen.add(name)) {
                throw valueNode.error("header '" + name + "' is set twice (header names ignore case)");
            }
            String value = valueNode.asString();
            if (value.contains("\r") || value.contains("\n")) {
                throw valueNode.error("header values must not contain line breaks");
            }
            headers.put(name, value);
        });
        return headers;
    }
}
