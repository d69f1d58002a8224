package dev.parley.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every simulated contact uses: HTTP/1.1 on loopback, like Parley's webhook client. */
final class Clients {
    private Clients() {}

    static HttpClient http() {
        return HttpClient.newBuilder()
                .executor(Runnable::run) // contacts wait on their own threads; no hand-over per response
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A short, stable description of a failed request for the failure counts. */
    static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\d+", "#");
        return e.getClass().getSimpleName() + (message.length() > 80 ? message.substring(0, 80) + "…" : message);
    }
}
