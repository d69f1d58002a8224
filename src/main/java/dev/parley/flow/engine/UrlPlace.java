package dev.parley.flow.engine;

import java.nio.charset.StandardCharsets;

/**
 * Where a template value lands in a URL, judged from the text rendered before it, and how it is
 * encoded there. Before the path begins (scheme, host, port) a value from {@code env} — the operator's
 * configuration, as in {@code {{env.orders_url}}/orders} — goes in as it is; every other value, and
 * every value in the path, query or fragment, is percent-encoded but for the unreserved characters of
 * RFC 3986, which makes it one path segment or one query value: it cannot add a {@code /}, {@code ?},
 * {@code &}, {@code =}, {@code #} or {@code +} of its own.
 */
enum UrlPlace {
    ORIGIN, PATH, QUERY, FRAGMENT;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static UrlPlace after(CharSequence before) {
        String text = before.toString();
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return ORIGIN;
        }
        int authorityEnd = indexOfAny(text, scheme + 3, "/?#");
        if (authorityEnd < 0) {
            return ORIGIN;
        }
        if (text.indexOf('#', authorityEnd) >= 0) {
            return FRAGMENT;
        }
        return text.indexOf('?', authorityEnd) >= 0 ? QUERY : PATH;
    }

    /** {@code value} as it goes in at this place; {@code fromEnv} when it is an {@code env.*} value. */
    String encode(String value, boolean fromEnv) {
        return this == ORIGIN && fromEnv ? value : percentEncoded(value);
    }

    static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
