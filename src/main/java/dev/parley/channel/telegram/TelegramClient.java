package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Bot API of one bot: {@code POST {api_base_url}/bot<token>/<method>} with a JSON body, answered {@code {"ok":
 * true, "result": …}} or an error (see {@link TelegramError}), and file downloads from {@code
 * {api_base_url}/file/bot<token>/<file_path>}. The token is part of every URL, so no URL is ever logged or put
 * into an error here.
 */
public final class TelegramClient {
    private final String baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public TelegramClient(String apiBaseUrl, String botToken, Duration timeout) {
        this.baseUrl = apiBaseUrl.replaceAll("/+$", "");
        this.token = botToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Calls {@code method} with {@code body}; done with the answer's {@code result}. */
    public TelegramOutcome<JsonNode> call(String method, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build();
        return switch (exchange(request)) {
            case TelegramOutcome.Done<HttpResponse<byte[]>> done -> answer(done.value());
            case TelegramOutcome.Retry<HttpResponse<byte[]>> retry -> new TelegramOutcome.Retry<>(retry.error());
            case TelegramOutcome.Permanent<HttpResponse<byte[]>> no -> new TelegramOutcome.Permanent<>(no.error());
        };
    }

    /** The bytes of the file at {@code filePath}, as {@code getFile} named it. */
    public TelegramOutcome<byte[]> download(String filePath) {
        String path = Arrays.stream(filePath.split("/")).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")).collect(Collectors.joining("/"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/file/bot" + token + "/" + path))
                .timeout(timeout).GET().build();
        return switch (exchange(request)) {
            case TelegramOutcome.Done<HttpResponse<byte[]>> done -> done.value().statusCode() / 100 == 2
                    ? new TelegramOutcome.Done<>(done.value().body()) : failed(done.value());
            case TelegramOutcome.Retry<HttpResponse<byte[]>> retry -> new TelegramOutcome.Retry<>(retry.error());
            case TelegramOutcome.Permanent<HttpResponse<byte[]>> no -> new TelegramOutcome.Permanent<>(no.error());
        };
    }

    private TelegramOutcome<HttpResponse<byte[]>> exchange(HttpRequest request) {
        try {
            return new TelegramOutcome.Done<>(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (HttpTimeoutException e) {
            return new TelegramOutcome.Retry<>(TelegramError.local("no answer within " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            return new TelegramOutcome.Retry<>(TelegramError.local("network error: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TelegramOutcome.Retry<>(TelegramError.local("interrupted while waiting for the answer"));
        }
    }

    private static TelegramOutcome<JsonNode> answer(HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            return failed(response);
        }
        JsonNode json = json(response.body());
        return json.path("ok").asBoolean(false) && json.has("result") ? new TelegramOutcome.Done<>(json.path("result"))
                : new TelegramOutcome.Retry<>(TelegramError.local("unexpected answer: no \"ok\": true with a result"));
    }

    private static <T> TelegramOutcome<T> failed(HttpResponse<byte[]> response) {
        return classify(response.statusCode(), TelegramError.of(response.statusCode(), json(response.body())));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json == null ? Json.object() : json;
        } catch (IOException e) {
            return Json.object();
        }
    }

    /** 429 and 5xx are worth a retry; every other error (400, 401, 403, 404…) is for good. */
    static <T> TelegramOutcome<T> classify(int status, TelegramError error) {
        return status == 429 || status >= 500 ? new TelegramOutcome.Retry<>(error)
                : new TelegramOutcome.Permanent<>(error);
    }
}
