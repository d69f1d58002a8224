package dev.parley.channel.custom;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.channel.SendResult;
import dev.parley.json.Json;
import dev.parley.testing.FreePort;
import dev.parley.webhook.WebhookSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link CustomClient} signs a send and reads each kind of answer an integration may give. */
class CustomClientTest {
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final String TOKEN = "t0ken";

    private record Answer(int status, String body, Map<String, String> headers) {}

    private record Seen(Map<String, String> headers, byte[] body) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, "{\"id\": \"x-1\"}", Map.of());
    private final HttpServer server = server();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSendIsSignedOverTheExactBytesWithTheKeyGiven() {
        assertThat(client().post(Json.object().put("text", "héllo"), "evt-1")).isEqualTo(new SendResult.Sent("x-1"));
        Seen call = seen.getFirst();
        assertThat(call.headers().get("idempotency-key")).isEqualTo("evt-1");
        assertThat(call.headers().get("parley-signature")).isEqualTo(WebhookSigner.header(TOKEN, call.body(), NOW));
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"héllo\"}");
    }

    @Test
    void busyAndBrokenIntegrationsAreRetriedAfterTheirRetryAfter() {
        answer = new Answer(429, "{\"error\": {\"code\": \"slow_down\", \"message\": \"too many\"}}",
                Map.of("Retry-After", "7"));
        SendResult busy = client().post(Json.object(), "evt-2");
        assertThat(busy).isInstanceOfSatisfying(SendResult.Retry.class, r -> {
            assertThat(r.reason()).isEqualTo("HTTP 429: too many");
            assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
        });
        answer = new Answer(502, "<html>bad gateway</html>", Map.of());
        assertThat(client().post(Json.object(), "evt-3")).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.reason()).isEqualTo("HTTP 502: <html>bad gateway</html>"));
        CustomClient nowhere = new CustomClient("http://127.0.0.1:" + FreePort.next() + "/in", TOKEN,
                Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(nowhere.post(Json.object(), "evt-4")).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.reason()).startsWith("network error"));
    }

    @Test
    void otherRefusalsAndAnswersWithoutAnIdAreForGood() {
        answer = new Answer(403, "{\"error\": {\"code\": \"user_blocked\", \"message\": \"blocked the bot\"}}",
                Map.of());
        assertThat(client().post(Json.object(), "evt-5"))
                .isEqualTo(new SendResult.Permanent("user_blocked", "HTTP 403: blocked the bot"));
        answer = new Answer(404, "{\"error\": \"no such user\"}", Map.of());
        assertThat(client().post(Json.object(), "evt-6"))
                .isEqualTo(new SendResult.Permanent("http_404", "HTTP 404: no such user"));
        answer = new Answer(200, "ok", Map.of());
        assertThat(client().post(Json.object(), "evt-7")).isInstanceOfSatisfying(SendResult.Permanent.class,
                p -> assertThat(p.code()).isEqualTo("invalid_answer"));
    }

    private CustomClient client() {
        return new CustomClient("http://127.0.0.1:" + server.getAddress().getPort() + "/in", TOKEN,
                Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpServer server() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/in", exchange -> {
                try (exchange) {
                    Map<String, String> headers = new java.util.TreeMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
                    seen.add(new Seen(headers, exchange.getRequestBody().readAllBytes()));
                    Answer a = answer;
                    a.headers().forEach(exchange.getResponseHeaders()::set);
                    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(a.status(), out.length);
                    exchange.getResponseBody().write(out);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
