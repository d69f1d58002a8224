package dev.parley.media;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Downloads a file into a given path: 10 s in all, at most 3 redirects, each address checked by the
 * {@link AddressGuard} before it is contacted, no more bytes than the limit.
 */
final class MediaClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REDIRECTS = 3;

    /** How a download ended. */
    sealed interface Fetched {
        /** The body is in the file; {@code contentType} is what the server declared. */
        record Body(long size, URI finalUri, Optional<String> contentType) implements Fetched {}

        /** Nothing usable; {@code cause} completes "could not fetch …: ". */
        record Failed(boolean tooLarge, String cause) implements Fetched {}
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final AddressGuard guard;

    MediaClient(AddressGuard guard) {
        this.guard = guard;
    }

    Fetched fetch(URI uri, Path file, long limit) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            Optional<String> refused = guard.refusal(current);
            if (refused.isPresent()) {
                return failed((redirects == 0 ? "" : "redirected to " + current + ": ") + refused.get());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return failed("timed out after " + TIMEOUT.toSeconds() + " s");
            }
            HttpRequest request = HttpRequest.newBuilder(current).GET().timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", "Parley media fetcher").header("Accept", "*/*").build();
            CompletableFuture<HttpResponse<Long>> pending = client.sendAsync(request, info ->
                    info.statusCode() / 100 == 2
                            ? new LimitedFileSubscriber(file, limit, info.headers().firstValueAsLong("Content-Length")
                                    .orElse(-1))
                            : HttpResponse.BodySubscribers.replacing(0L));
            HttpResponse<Long> response;
            try {
                response = pending.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return failed("timed out after " + TIMEOUT.toSeconds() + " s");
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                return failed("interrupted while Parley was stopping");
            } catch (ExecutionException e) {
                return e.getCause() instanceof LimitedFileSubscriber.TooLarge tooLarge
                        ? new Fetched.Failed(true, tooLarge.getMessage()) : failed(describe(e.getCause()));
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Fetched.Body(response.body(), current, response.headers().firstValue("Content-Type"));
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (status / 100 != 3 || location.isEmpty()) {
                return failed("the server answered HTTP " + status);
            }
            if (redirects == MAX_REDIRECTS) {
                return failed("more than " + MAX_REDIRECTS + " redirects");
            }
            try {
                current = current.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return failed("the server redirected to an invalid URL '" + location.get() + "'");
            }
        }
    }

    private static Fetched failed(String cause) {
        return new Fetched.Failed(false, cause);
    }

    private static String describe(Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connecting timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed (" + e.getMessage() + ")";
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "the download failed (" + e.getClass().getSimpleName() + ")";
    }
}
