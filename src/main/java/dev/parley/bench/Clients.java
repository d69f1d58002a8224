package dev.parley.bench;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every simulated contact uses: HTTP/1.1 on loopback, like Parley's webhook client. */
final class Clients {
    private Clients() {}

    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
