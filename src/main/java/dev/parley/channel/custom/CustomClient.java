package dev.parley.channel.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.RetryAfter;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.json.Json;
import dev.parley.webhook.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts one packet to the integration's {@code outbound_url}: signed ({@code Parley-Signature}, fresh on every
 * attempt) and with an {@code Idempotency-Key} that stays the same across the attempts of one send. A 2xx answer
 * with {@code {"id": "…"}} is sent; 429, 5xx, network errors and timeouts are retried (after {@code Retry-After});
 * any other answer is refused for good with the integration's error. Nothing is logged here.
 */
final class CustomClient {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    CustomClient(String outboundUrl, String token, Duration timeout, Clock clock) {
        this.url = URI.create(outboundUrl);
        this.token = token;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    SendResult post(ObjectNode body, String idempotencyKey) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, WebhookSigner.header(token, bytes, clock.instant()))
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return retry("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return retry("network error: " + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry("interrupted while waiting for the answer", Optional.empty());
        }
        int status = response.statusCode();
        Optional<JsonNode> answer = json(response.body());
        if (status / 100 == 2) {
            return answer.map(a -> a.path("id")).filter(id -> id.isTextual() && !id.asText().isBlank()
                    && id.asText().length() <= CustomCall.MAX_ID).<SendResult>map(id -> new SendResult.Sent(id.asText()))
                    .orElseGet(() -> new SendResult.Permanent("invalid_answer", "HTTP " + status
                            + " without {\"id\": \"<1–200 characters>\"}: " + start(response.body())));
        }
        String reason = "HTTP " + status + ": " + answer.map(CustomClient::message).orElseGet(() -> start(
                response.body()));
        if (status == 429 || status >= 500) {
            return retry(reason, RetryAfter.of(response.headers()));
        }
        return new SendResult.Permanent(answer.map(a -> a.path("error").path("code")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).orElse("http_" + status), reason);
    }

    private static SendResult retry(String reason, Optional<Duration> after) {
        return new SendResult.Retry(reason, after, SentParts.NONE);
    }

    /** {@code {"error": {"code", "message"}}} or {@code {"error": "…"}}, as the protocol asks integrations. */
    private static String message(JsonNode answer) {
        JsonNode error = answer.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        return error.path("message").isTextual() ? error.path("message").asText() : Json.write(answer);
    }

    private static Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return Optional.ofNullable(node).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String start(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(no body)" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
