package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The reference client: posts a webhook-shaped {@code message} event straight to the bot and reads
 * the answer from the response, as Parley's webhook delivery does, without Parley in between.
 */
final class DirectContact implements RoundTripper {
    private final HttpClient http;
    private final URI webhook;
    private final String cid = "chatbot::" + BenchWorkspace.BOT + ":" + UUID.randomUUID().toString().replace("-", "");
    private final Duration timeout;

    DirectContact(HttpClient http, URI webhook, Duration timeout) {
        this.http = http;
        this.webhook = webhook;
        this.timeout = timeout;
    }

    @Override
    public Outcome roundTrip(String body) {
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", "message").putObject("payload").put("body", body);
        String json = Json.write(event);
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(webhook).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (res.statusCode() / 100 != 2) {
                return new Outcome.Failed("bot answered HTTP " + res.statusCode());
            }
            JsonNode answer = Json.MAPPER.readTree(res.body());
            boolean right = cid.equals(answer.path("info").path("cid").asText())
                    && (EchoBot.PREFIX + body).equals(answer.path("packet").path("payload").path("body").asText());
            return right ? new Outcome.Replied(at) : new Outcome.Failed("bot answered something else");
        } catch (IOException e) {
            return new Outcome.Failed("POST webhook failed: " + Clients.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        }
    }

    @Override
    public void close() {}
}
