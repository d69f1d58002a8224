package dev.parley.channel.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.RetryAfter;
import dev.parley.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph API calls with a bearer token ({@code Authorization: Bearer …}, so the token never sits in a URL or a
 * log line), each answer mapped to a {@link GraphOutcome}. Nothing is logged here.
 */
public final class GraphHttp {
    /** Meta codes that mean "too many calls" or "try again later"; any other code is permanent. */
    private static final Set<Integer> RETRY_CODES = Set.of(1, 2, 4, 17, 32, 341, 613, 1200, 80007, 130429, 131000,
            131016, 131048, 131056, 133004);

    private final String baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl the Graph API with its version, such as {@code https://graph.facebook.com/v21.0}
     * @param timeout how long one call may take before it counts as a {@link GraphOutcome.Retry}
     */
    public GraphHttp(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code POST {baseUrl}{path}} with a JSON body; {@code read} takes what a 2xx answer holds. */
    public <T> GraphOutcome<T> post(String path, ObjectNode body, Function<JsonNode, T> read) {
        HttpRequest request = request(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build();
        return call(request, HttpResponse.BodyHandlers.ofByteArray(), bytes -> read.apply(json(bytes)));
    }

    /** {@code GET {baseUrl}{path}}, answered with JSON. */
    public <T> GraphOutcome<T> get(String path, Function<JsonNode, T> read) {
        return call(request(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray(),
                bytes -> read.apply(json(bytes)));
    }

    /** {@code GET url} (any host, such as a media URL the API returned), the raw bytes of a 2xx answer. */
    public GraphOutcome<byte[]> download(URI url) {
        return call(request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray(), bytes -> bytes);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private <T> GraphOutcome<T> call(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler,
            Function<byte[], T> read) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, handler);
        } catch (HttpTimeoutException e) {
            return new GraphOutcome.Retry<>(GraphError.local("no answer within " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            return new GraphOutcome.Retry<>(GraphError.local("network error: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphOutcome.Retry<>(GraphError.local("interrupted while waiting for the answer"));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return new GraphOutcome.Done<>(read.apply(response.body()));
            } catch (IllegalArgumentException e) {
                return new GraphOutcome.Retry<>(GraphError.local("unexpected answer: " + e.getMessage()));
            }
        }
        GraphOutcome<T> outcome = classify(status, errorOf(status, response.body()));
        Optional<Duration> wait = RetryAfter.of(response.headers());
        return outcome instanceof GraphOutcome.Retry<T> retry && wait.isPresent()
                ? new GraphOutcome.Retry<>(retry.error(), wait) : outcome;
    }

    /** Retry on 5xx, 429 and Meta's temporary codes; anything else is permanent. */
    static <T> GraphOutcome<T> classify(int status, GraphError error) {
        boolean retry = status >= 500 || status == 429 || RETRY_CODES.contains(error.code());
        return retry ? new GraphOutcome.Retry<>(error) : new GraphOutcome.Permanent<>(error);
    }

    private static GraphError errorOf(int status, byte[] body) {
        try {
            return GraphError.of(status, Json.MAPPER.readTree(body));
        } catch (IOException e) {
            return GraphError.local("HTTP " + status + " with a body that is not JSON");
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer could not be read", e);
        }
    }
}
