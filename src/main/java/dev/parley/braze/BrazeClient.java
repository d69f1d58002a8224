package dev.parley.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls Braze's REST API: {@code POST /users/track}, {@code /users/identify} and {@code /users/export/ids}, with the key
 * as {@code Authorization: Bearer …} and a JSON body. Every outcome is a {@link BrazeAnswer}; nothing
 * is logged here, so the key cannot leak through it.
 */
public final class BrazeClient {
    private static final int MAX_MESSAGE = 500;

    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl the REST endpoint, such as {@code https://rest.iad-01.braze.com}
     * @param timeout how long one call may take before it counts as {@link BrazeAnswer.NoAnswer}
     */
    public BrazeClient(String baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code POST /users/track} with {@code {attributes, events, purchases[, partner]}}. */
    public BrazeAnswer track(ObjectNode body) {
        return post("/users/track", body);
    }

    /** {@code POST /users/identify} with {@code {aliases_to_identify: [...]}}. */
    public BrazeAnswer identify(ObjectNode body) {
        return post("/users/identify", body);
    }

    /** {@code POST /users/export/ids}. */
    public BrazeAnswer exportIds(ObjectNode body) {
        return post("/users/export/ids", body);
    }

    private BrazeAnswer post(String path, ObjectNode body) {
        BrazeAnswer answer = call(path, body);
        Meters.brazeRequest(path, answer.outcome(), objects(body));
        return answer;
    }

    /** The objects a request carries: attributes, events and purchases of a track, ids of an export. */
    private static int objects(ObjectNode body) {
        return body.path("attributes").size() + body.path("events").size() + body.path("purchases").size()
                + body.path("external_ids").size() + body.path("user_aliases").size();
    }

    private BrazeAnswer call(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Parley")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new BrazeAnswer.NoAnswer("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new BrazeAnswer.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BrazeAnswer.NoAnswer("interrupted while waiting for Braze");
        }
        return answer(response);
    }

    private static BrazeAnswer answer(HttpResponse<String> response) {
        int status = response.statusCode();
        ObjectNode body = parse(response.body());
        String message = message(body, response.body(), status);
        if (status >= 200 && status < 300) {
            return new BrazeAnswer.Success(status, new BrazeAnswer.Processed(body.path("attributes_processed").asInt(),
                    body.path("events_processed").asInt(), body.path("purchases_processed").asInt()),
                    itemErrors(body.path("errors")), body);
        }
        if (status == 429) {
            return new BrazeAnswer.RateLimited(response.headers().firstValue("X-RateLimit-Reset")
                    .flatMap(BrazeClient::epochSeconds), message);
        }
        if (status >= 500) {
            return new BrazeAnswer.ServerError(status, message);
        }
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(e.isTextual() ? e.asText() : Json.write(e)));
        return new BrazeAnswer.Rejected(status, message, errors);
    }

    private static List<BrazeAnswer.ItemError> itemErrors(JsonNode errors) {
        List<BrazeAnswer.ItemError> list = new ArrayList<>();
        errors.forEach(e -> list.add(e.isObject()
                ? new BrazeAnswer.ItemError(e.path("type").asText(Json.write(e)),
                        Optional.of(e.path("input_array")).filter(JsonNode::isTextual).map(JsonNode::asText),
                        Optional.of(e.path("index")).filter(JsonNode::canConvertToInt).map(JsonNode::asInt))
                : new BrazeAnswer.ItemError(e.asText(), Optional.empty(), Optional.empty())));
        return list;
    }

    private static ObjectNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text) instanceof ObjectNode o ? o : Json.object();
        } catch (IOException e) {
            return Json.object();
        }
    }

    private static String message(ObjectNode body, String raw, int status) {
        String message = body.path("message").isTextual() ? body.path("message").asText() : raw.strip();
        if (message.isEmpty()) {
            message = "HTTP " + status;
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    private static Optional<Instant> epochSeconds(String header) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
