package dev.parley.flow.action;

import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ParameterRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parameters {@code http} and {@code remote} share: {@code url}, {@code headers} and {@code timeout}. */
final class HttpParams {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    /** An absolute http or https URL with a host. */
    static final Reading<URI> URL = HttpParams::url;

    /** {@link #URL}, and at load the scheme a template's literal start already gives, as in {@code ftp://{{host}}}. */
    static final ParameterRule URL_RULE = new ParameterRule() {
        @Override
        public Optional<String> check(Object value) {
            return URL.problem(value);
        }

        @Override
        public boolean isUrl() {
            return true;
        }

        @Override
        public Optional<String> checkStart(String start) {
            String begun = start.stripLeading().toLowerCase(Locale.ROOT);
            int colon = begun.indexOf(':');
            if (colon < 0) {
                return "https".startsWith(begun) ? Optional.empty() : Optional.of(schemeMissing());
            }
            String scheme = begun.substring(0, colon);
            return isHttp(scheme) ? Optional.empty()
                    : Optional.of(SCHEME.matcher(scheme).matches() ? notHttp(scheme) : schemeMissing());
        }
    };

    /** Names to values, each of which a request may carry: not {@code Host}, {@code Content-Length} and the like. */
    static final Reading<Map<String, String>> HEADERS = value -> {
        Map<String, String> headers = Params.TEXT_MAP.read(value);
        headers.forEach((name, text) -> {
            try {
                HttpRequest.newBuilder().header(name, text);
            } catch (IllegalArgumentException e) {
                throw new ParamException("cannot set '" + name + "' (a restricted or malformed header, or a value"
                        + " with line breaks)");
            }
        });
        return headers;
    };

    /** How long to wait for the answer, more than zero: {@code 500ms}, {@code 5s}, {@code 2m} or seconds. */
    static final Reading<Duration> TIMEOUT = value -> {
        String text = Params.TEXT.read(value).strip();
        return Durations.parse(text).filter(duration -> !duration.isZero()).orElseThrow(() -> new ParamException(
                "must be a duration such as 5s or 500ms, got '" + text + "'"));
    };

    private HttpParams() {
    }

    private static URI url(Object value) {
        String text = Params.TEXT.read(value).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ParamException("must be an http or https URL; it is malformed at index " + e.getIndex() + " ("
                    + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!isHttp(scheme)) {
            throw new ParamException(scheme.isEmpty() ? schemeMissing() : notHttp(scheme));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ParamException("must be an http or https URL with a host name");
        }
        if (uri.getRawPath() != null && Arrays.stream(uri.getRawPath().split("/")).anyMatch(HttpParams::isDot)) {
            throw new ParamException("must not have '.' or '..' as a path segment, which would leave the path the"
                    + " flow names");
        }
        return uri;
    }

    /** True for {@code .} and {@code ..}, also when their dots are percent-encoded, as servers decode them. */
    private static boolean isDot(String segment) {
        String decoded = segment.replace("%2e", ".").replace("%2E", ".");
        return decoded.equals(".") || decoded.equals("..");
    }

    private static boolean isHttp(String scheme) {
        return scheme.equals("http") || scheme.equals("https");
    }

    private static String schemeMissing() {
        return "must be an http or https URL, as in https://api.example.com/orders";
    }

    private static String notHttp(String scheme) {
        return "must be an http or https URL, not " + scheme + ":";
    }
}
