package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay carries the three exchanges of a round trip to the real bench bot, and keeps strangers out. */
class RelayTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void eachContactGetsTheBotsReplyToItsOwnMessagesOnItsSocket() {
        try (EchoBot bot = EchoBot.start(); Relay relay = Relay.start(bot.webhookUrl(), TIMEOUT);
                HttpClient http = Clients.http();
                WebContact ann = WebContact.open(http, relay.port(), "Ann", TIMEOUT);
                WebContact bob = WebContact.open(http, relay.port(), "Bob", TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(ann.roundTrip("ann " + i)).isInstanceOf(RoundTripper.Outcome.Replied.class);
                assertThat(bob.roundTrip("bob " + i)).isInstanceOf(RoundTripper.Outcome.Replied.class);
            }
            assertThat(bot.calls()).isEqualTo(6);
            assertThat(bot.rejected()).isZero();
        }
    }

    @Test
    void aWrongTokenIsRefusedOnThePostAndTheSocket() throws Exception {
        try (EchoBot bot = EchoBot.start(); Relay relay = Relay.start(bot.webhookUrl(), TIMEOUT);
                HttpClient http = Clients.http()) {
            String base = "http://127.0.0.1:" + relay.port() + "/api/web/v1";
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/widgets/bench/conversations")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(201);
            String id = Json.parseStored(opened.body()).path("conversation_id").asText();

            HttpResponse<String> stranger = post(http, base + "/conversations/" + id + "/messages", "not-the-token",
                    "{\"body\": \"hi\"}");
            assertThat(stranger.statusCode()).isEqualTo(401);
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + relay.port()
                    + "/api/web/v1/conversations/" + id + "/stream?token=not-the-token"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            closed.complete(status);
                            return null;
                        }
                    }).join();
            assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(4401);
            assertThat(bot.calls()).isZero();
        }
    }

    @Test
    void aMessageWithoutATextBodyIsRefusedNamingTheField() throws Exception {
        try (EchoBot bot = EchoBot.start(); Relay relay = Relay.start(bot.webhookUrl(), TIMEOUT);
                HttpClient http = Clients.http()) {
            String base = "http://127.0.0.1:" + relay.port() + "/api/web/v1";
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/widgets/bench/conversations")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var conv = Json.parseStored(opened.body());
            String messages = base + "/conversations/" + conv.path("conversation_id").asText() + "/messages";
            String token = conv.path("contact_token").asText();

            for (String body : new String[] {"not json", "{\"body\": 7}", "[]"}) {
                HttpResponse<String> refused = post(http, messages, token, body);
                assertThat(refused.statusCode()).as(body).isEqualTo(400);
                assertThat(refused.body()).contains("\"path\":\"body\"");
            }
            assertThat(bot.calls()).isZero();
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
