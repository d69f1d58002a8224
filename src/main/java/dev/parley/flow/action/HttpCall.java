package dev.parley.flow.action;

import dev.parley.media.AddressGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request of the {@code http} and {@code remote} actions, with every failure put into words.
 * Redirects are followed here, at most {@link #MAX_REDIRECTS}, each hop as {@link RedirectHop} allows:
 * the first address is the one the flow gives, but a server cannot send Parley into its own network.
 */
final class HttpCall {
    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";]+)", Pattern.CASE_INSENSITIVE);

    /** How the request ended. */
    sealed interface Result {}

    /** The server answered; {@code headers} have lower-case names, several values joined by {@code ", "}. */
    record Answered(int status, Map<String, String> headers, String body) implements Result {
        Optional<String> contentType() {
            return Optional.ofNullable(headers.get("content-type"));
        }
    }

    /** No usable answer: connection refused, timeout, TLS failure, a body too large … */
    record Failed(String cause) implements Result {}

    private HttpCall() {}

    /** Sends {@code request} with a client that does not follow redirects itself. */
    static Result send(HttpClient client, AddressGuard guard, HttpRequest request, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest current = request;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(current, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return new Failed(describe(e, current.uri(), timeout));
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (!RedirectHop.isRedirect(response.statusCode()) || location.isEmpty()) {
                return read(response, current.uri());
            }
            close(response);
            if (redirects == MAX_REDIRECTS) {
                return new Failed(where(request.uri()) + " redirected more than " + MAX_REDIRECTS + " times");
            }
            switch (RedirectHop.next(request, current, response.statusCode(), location.get(), guard,
                    Duration.ofNanos(deadline - System.nanoTime()))) {
                case RedirectHop.Refused refused -> {
                    return new Failed(refused.cause());
                }
                case RedirectHop.TimedOut timedOut -> {
                    return new Failed("no answer from " + where(request.uri()) + " within " + Durations.text(timeout));
                }
                case RedirectHop.Follow follow -> current = follow.request();
            }
        }
    }

    /** Lets the connection go: the body of a redirect is not read. */
    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            LoggerFactory.getLogger(HttpCall.class).debug("closing a redirect's body failed", e);
        }
    }

    private static Result read(HttpResponse<InputStream> response, URI uri) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                return new Failed("the answer of " + where(uri) + " is larger than " + MAX_BODY / 1024 + " KB");
            }
            return new Answered(response.statusCode(), headers(response.headers()),
                    new String(bytes, charset(response.headers())));
        } catch (IOException e) {
            return new Failed("reading the answer of " + where(uri) + " failed: " + message(e));
        }
    }

    /** The {@code timeout} parameter when given and shorter than what is left of the deadline; never zero. */
    static Duration timeout(Optional<Duration> asked, Duration remaining) {
        Duration timeout = asked.filter(t -> t.compareTo(remaining) < 0).orElse(remaining);
        return timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout;
    }

    /** The URL without query and user info, fit for logs: query strings often carry keys. */
    static String display(URI uri) {
        return uri.getScheme() + "://" + where(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static String where(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String describe(IOException e, URI uri, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection to " + where(uri) + " within " + Durations.text(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer from " + where(uri) + " within " + Durations.text(timeout);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (cause instanceof SSLException) {
                return "TLS with " + where(uri) + " failed: " + message(cause);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused by " + where(uri);
            }
        }
        return "the request to " + where(uri) + " failed: " + message(e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> flat = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                flat.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b);
            }
        });
        return flat;
    }

    private static Charset charset(HttpHeaders headers) {
        List<String> types = headers.allValues("content-type");
        if (!types.isEmpty()) {
            Matcher m = CHARSET.matcher(types.get(0));
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1).strip(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformedName) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
