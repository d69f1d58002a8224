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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        /** The receiver answered; {@code retryAfter} is its {@code Retry-After} header as sent, if any. */
        record Answered(int status, String body, Optional<String> retryAfter) implements Outcome {}

        record Failed(String error) implements Outcome {}
    }

    /**
     * A call the caller stopped waiting for: {@code outcome} is what was known by then; when that was no
     * answer in time, {@code late} completes with the answer should it still come (within the late window).
     */
    public record Waited(Outcome outcome, Optional<CompletableFuture<Outcome.Answered>> late) {}

    /** Posts and waits at most {@code timeout}; a later answer is dropped. */
    public Outcome post(URI url, Map<String, String> headers, String body, Duration timeout) {
        Waited waited = postWaiting(url, headers, body, timeout, timeout);
        waited.late().ifPresent(late -> late.cancel(true));
        return waited.outcome();
    }

    /**
     * Posts and waits at most {@code wait}; the request itself stays open up to {@code lateWindow}, so a
     * receiver that answers after {@code wait} is still heard through {@link Waited#late()}.
     */
    public Waited postWaiting(URI url, Map<String, String> headers, String body, Duration wait, Duration lateWindow) {
        CompletableFuture<HttpResponse<String>> call;
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(url)
                    .timeout(lateWindow.compareTo(wait) > 0 ? lateWindow : wait)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Parley-Webhook/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(req::header);
            call = http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Waited(new Outcome.Failed("request rejected: " + e.getMessage()), Optional.empty());
        }
        String noAnswer = "no answer within " + wait.toMillis() + " ms";
        try {
            return new Waited(answered(call.get(wait.toMillis(), TimeUnit.MILLISECONDS)), Optional.empty());
        } catch (TimeoutException e) {
            return new Waited(new Outcome.Failed(noAnswer), Optional.of(call.thenApply(WebhookClient::answered)));
        } catch (ExecutionException e) {
            return new Waited(new Outcome.Failed(switch (e.getCause()) {
                case HttpTimeoutException t -> noAnswer;
                case IOException io -> "connection failed: " + (io.getMessage() == null
                        ? io.getClass().getSimpleName() : io.getMessage());
                case Throwable other -> "request failed: " + other.getClass().getSimpleName();
            }), Optional.empty());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Waited(new Outcome.Failed("interrupted"), Optional.empty());
        }
    }

    private static Outcome.Answered answered(HttpResponse<String> res) {
        return new Outcome.Answered(res.statusCode(), res.body(), res.headers().firstValue("Retry-After"));
    }
}
