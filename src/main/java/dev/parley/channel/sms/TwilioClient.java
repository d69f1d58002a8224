package dev.parley.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Twilio's REST API for one account: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} (a form, with
 * HTTP Basic auth {@code AccountSid:AuthToken}) and the download of files contacts sent, which Twilio serves to
 * the same credentials and may redirect to a pre-signed address, fetched without them. Each answer is a
 * {@link TwilioOutcome}, an error carrying Twilio's JSON {@code {"code", "message", "more_info", "status"}}.
 * Nothing is logged here, and the credentials never appear in a URL.
 */
final class TwilioClient {
    private final String messagesUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /** A file a contact sent, as Twilio served it. */
    record File(byte[] bytes, String contentType) {}

    TwilioClient(String apiBaseUrl, String accountSid, String authToken, Duration timeout) {
        this.messagesUrl = apiBaseUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Creates a message from the form {@code parameters} ({@code To}, {@code From}, {@code Body}…); its sid. */
    TwilioOutcome<String> send(Map<String, String> parameters) {
        String form = new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(messagesUrl)).timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        return call(request, response -> {
            JsonNode json = json(response.body());
            String sid = json.path("sid").asText("");
            if (sid.isEmpty()) {
                throw new IllegalArgumentException("the answer has no sid");
            }
            return sid;
        });
    }

    /** A file of an MMS, by its {@code MediaUrl}. */
    TwilioOutcome<File> download(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", authorization).GET().build();
        TwilioOutcome<HttpResponse<byte[]>> first = exchange(request);
        if (first instanceof TwilioOutcome.Done<HttpResponse<byte[]>> done && done.value().statusCode() / 100 == 3) {
            Optional<String> location = done.value().headers().firstValue("Location");
            if (location.isEmpty()) {
                return new TwilioOutcome.Retry<>("a redirect without a Location", Optional.empty());
            }
            return call(HttpRequest.newBuilder(URI.create(url).resolve(location.get())).timeout(timeout).GET()
                    .build(), TwilioClient::file);
        }
        return answered(first, TwilioClient::file);
    }

    private static File file(HttpResponse<byte[]> response) {
        return new File(response.body(), response.headers().firstValue("Content-Type")
                .map(t -> t.split(";")[0].strip()).orElse("application/octet-stream"));
    }

    private <T> TwilioOutcome<T> call(HttpRequest request, Function<HttpResponse<byte[]>, T> read) {
        return answered(exchange(request), read);
    }

    private TwilioOutcome<HttpResponse<byte[]>> exchange(HttpRequest request) {
        try {
            return new TwilioOutcome.Done<>(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (HttpTimeoutException e) {
            return new TwilioOutcome.Retry<>("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new TwilioOutcome.Retry<>("network error: " + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TwilioOutcome.Retry<>("interrupted while waiting for the answer", Optional.empty());
        }
    }

    private static <T> TwilioOutcome<T> answered(TwilioOutcome<HttpResponse<byte[]>> exchanged,
            Function<HttpResponse<byte[]>, T> read) {
        return switch (exchanged) {
            case TwilioOutcome.Done<HttpResponse<byte[]>> done -> classify(done.value(), read);
            case TwilioOutcome.Retry<HttpResponse<byte[]>> retry -> new TwilioOutcome.Retry<>(retry.reason(),
                    retry.retryAfter());
            case TwilioOutcome.Permanent<HttpResponse<byte[]>> permanent -> new TwilioOutcome.Permanent<>(
                    permanent.code(), permanent.reason());
        };
    }

    /** 2xx done; 429 and 5xx retried (after {@code Retry-After}); any other status is permanent. */
    private static <T> TwilioOutcome<T> classify(HttpResponse<byte[]> response, Function<HttpResponse<byte[]>, T> read) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return new TwilioOutcome.Done<>(read.apply(response));
            } catch (IllegalArgumentException e) {
                return new TwilioOutcome.Retry<>("unexpected answer: " + e.getMessage(), Optional.empty());
            }
        }
        JsonNode error = errorJson(response.body());
        String code = error.path("code").isNumber() ? error.path("code").asText() : "http_" + status;
        String reason = "(#" + code + ") " + error.path("message").asText("HTTP " + status);
        if (status == 429 || status >= 500) {
            Optional<Duration> wait = response.headers().firstValue("Retry-After")
                    .filter(v -> v.strip().matches("\\d{1,6}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
            return new TwilioOutcome.Retry<>(reason, wait);
        }
        return new TwilioOutcome.Permanent<>(code, reason);
    }

    private static JsonNode errorJson(byte[] body) {
        try {
            return json(body);
        } catch (IllegalArgumentException e) {
            return Json.object();
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
    }
}
