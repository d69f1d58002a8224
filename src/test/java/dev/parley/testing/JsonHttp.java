package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP/1.1 client for JSON calls; I/O failures surface as {@link UncheckedIOException}. */
public final class JsonHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpAnswer post(String url, Map<String, String> headers, String body) {
        return send(postRequest(url, headers, body).build());
    }

    /**
     * POSTs with {@code Expect: 100-continue}, as clients do for large uploads: the server can refuse
     * the body from its headers, and the client reads that answer instead of pushing a body into a
     * connection the server is closing.
     */
    public HttpAnswer postExpectingContinue(String url, Map<String, String> headers, String body) {
        return send(postRequest(url, headers, body).expectContinue(true).build());
    }

    private static HttpRequest.Builder postRequest(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(req::header);
        return req;
    }

    public HttpAnswer put(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(req::header);
        return send(req.build());
    }

    public HttpAnswer delete(String url, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).DELETE();
        headers.forEach(req::header);
        return send(req.build());
    }

    public HttpAnswer get(String url, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        headers.forEach(req::header);
        return send(req.build());
    }

    public HttpClient client() {
        return client;
    }

    private HttpAnswer send(HttpRequest request) {
        try {
            HttpResponse<String> res = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpAnswer(res.statusCode(), res.headers(), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), e);
        }
    }
}
