package dev.parley.channel.threema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Threema Gateway's Message API for one gateway ID: {@code send_simple} and {@code send_e2e} (form posts answered
 * with the message ID as text), {@code pubkeys/{id}} (cached: a Threema ID's key never changes),
 * {@code upload_blob} (multipart, answered with the blob ID) and {@code blobs/{id}}. Every call carries
 * {@code from} and {@code secret}; the Gateway has no other authentication, so nothing here logs a URL or a body.
 */
final class ThreemaClient {
    private final String baseUrl;
    private final String gatewayId;
    private final String secret;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, byte[]> publicKeys = new ConcurrentHashMap<>();

    ThreemaClient(String baseUrl, String gatewayId, String secret, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.gatewayId = gatewayId;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The public key of Threema ID {@code id}. */
    GatewayOutcome<byte[]> publicKey(String id) {
        byte[] known = publicKeys.get(id);
        if (known != null) {
            return new GatewayOutcome.Done<>(known.clone());
        }
        GatewayOutcome<byte[]> fetched = call(get("/pubkeys/" + encode(id)), body -> {
            String hex = new String(body, StandardCharsets.US_ASCII).strip();
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("the public key is not 64 hex digits");
            }
            return HexFormat.of().parseHex(hex);
        });
        if (fetched instanceof GatewayOutcome.Done<byte[]> done) {
            publicKeys.put(id, done.value().clone());
        }
        return fetched;
    }

    /** Sends an end-to-end encrypted message; done with its message ID. */
    GatewayOutcome<String> sendE2e(String to, byte[] nonce, byte[] box) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("to", to);
        form.put("nonce", HexFormat.of().formatHex(nonce));
        form.put("box", HexFormat.of().formatHex(box));
        return call(post("/send_e2e", form), ThreemaClient::messageId);
    }

    /** Sends a text in basic mode (the Gateway encrypts it); done with its message ID. */
    GatewayOutcome<String> sendSimple(String to, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("to", to);
        form.put("text", text);
        return call(post("/send_simple", form), ThreemaClient::messageId);
    }

    /** Uploads an encrypted file; done with its blob ID (32 hex digits). */
    GatewayOutcome<String> upload(byte[] blob) {
        String boundary = "parley" + HexFormat.of().formatHex(ThreemaCrypto.random(12));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"blob.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(blob);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/upload_blob?" + credentials()))
                .timeout(timeout).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return call(request, answer -> {
            String id = new String(answer, StandardCharsets.US_ASCII).strip();
            if (!id.matches("[0-9a-fA-F]{32}")) {
                throw new IllegalArgumentException("the blob ID is not 32 hex digits");
            }
            return id.toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** The encrypted bytes of blob {@code blobId}. */
    GatewayOutcome<byte[]> blob(String blobId) {
        return call(get("/blobs/" + encode(blobId)), body -> body);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + credentials())).timeout(timeout).GET().build();
    }

    private HttpRequest post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", gatewayId);
        form.putAll(fields);
        form.put("secret", secret);
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form), StandardCharsets.UTF_8)).build();
    }

    private String credentials() {
        return "from=" + encode(gatewayId) + "&secret=" + encode(secret);
    }

    private <T> GatewayOutcome<T> call(HttpRequest request, Function<byte[], T> read) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new GatewayOutcome.Retry<>("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new GatewayOutcome.Retry<>("network error: " + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GatewayOutcome.Retry<>("interrupted while waiting for the answer", Optional.empty());
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new GatewayOutcome.Done<>(read.apply(response.body()));
            } catch (IllegalArgumentException e) {
                return new GatewayOutcome.Retry<>("unexpected answer: " + e.getMessage(), Optional.empty());
            }
        }
        if (status == 429 || status >= 500) {
            Optional<Duration> wait = response.headers().firstValue("Retry-After").map(String::strip)
                    .filter(v -> v.matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v)));
            return new GatewayOutcome.Retry<>("HTTP " + status + (status == 429 ? " rate limit"
                    : " temporary Gateway error"), wait);
        }
        return new GatewayOutcome.Permanent<>(status, describe(status));
    }

    private static String describe(int status) {
        return "HTTP " + status + ": " + switch (status) {
            case 400 -> "the recipient is not a valid Threema ID, or the gateway ID is not set up for this mode";
            case 401 -> "the gateway ID or the API secret is wrong";
            case 402 -> "the gateway has no credits left";
            case 404 -> "the Threema ID (or blob) does not exist";
            case 413 -> "the message or file is too long";
            default -> "the Gateway refused the call";
        };
    }

    private static String messageId(byte[] body) {
        String id = new String(body, StandardCharsets.US_ASCII).strip();
        if (!id.matches("[0-9a-fA-F]{16}")) {
            throw new IllegalArgumentException("the message ID is not 16 hex digits");
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String urlEncoded(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
