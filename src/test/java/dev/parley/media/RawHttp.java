package dev.parley.media;

import dev.parley.testing.HttpAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Calls that are not JSON: {@code multipart/form-data} posts (as a browser sends a file input) and byte downloads. */
public final class RawHttp {
    private static final String BOUNDARY = "----parley-test-boundary-7MA4YWxkTrZu0gW";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One form field; {@code filename} makes it a file. */
    public record Part(String name, Optional<String> filename, String contentType, byte[] body) {
        public static Part file(String filename, String contentType, byte[] body) {
            return new Part("file", Optional.of(filename), contentType, body);
        }

        public static Part field(String name, String value) {
            return new Part(name, Optional.empty(), "text/plain; charset=utf-8",
                    value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private RawHttp() {}

    public static HttpAnswer post(String url, Map<String, String> headers, List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String disposition = "form-data; name=\"" + part.name() + "\""
                    + part.filename().map(f -> "; filename=\"" + f + "\"").orElse("");
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
                    + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.body());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(req::header);
        try {
            HttpResponse<String> res = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(res.statusCode(), res.headers(), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs raw bytes (a served file). */
    public static HttpResponse<byte[]> get(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
