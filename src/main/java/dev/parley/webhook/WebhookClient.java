package dev.parley.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs JSON webhook calls: events to bots, ended conversations to add-ons. */
public final class WebhookClient {
    /**
     * Callers wait in {@link #post} on their own (virtual) threads, so the client's internal steps run
     * right on its selector thread instead of being handed to a pool thread each time.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Runnable::run)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The outcome of one call. */
    public sealed interface Outcome {
        record Answered(int status, String body) implements Outcome {}

        record Failed(String error) implements Outcome {}
    }

    public Outcome post(URI url, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder req = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Parley-Webhook/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(req::header);
        try {
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome.Answered(res.statusCode(), res.body());
        } catch (HttpTimeoutException e) {
            return new Outcome.Failed("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome.Failed("connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed("request rejected: " + e.getMessage());
        }
    }
}
