package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A contact on the web channel: one conversation, its transcript stream, and messages written through
 * the contact API (platform spec §3). A round trip ends when the bot's reply arrives on the stream.
 */
final class WebContact implements RoundTripper {
    private final HttpClient http;
    private final URI messages;
    private final String token;
    private final WebSocket socket;
    private final ReplyStream replies;
    private final Duration timeout;

    private WebContact(HttpClient http, URI messages, String token, WebSocket socket, ReplyStream replies,
            Duration timeout) {
        this.http = http;
        this.messages = messages;
        this.token = token;
        this.socket = socket;
        this.replies = replies;
        this.timeout = timeout;
    }

    /** Opens a conversation on the bench widget and connects its stream. */
    static WebContact open(HttpClient http, int port, String name, Duration timeout) {
        String base = "http://127.0.0.1:" + port + "/api/web/v1";
        String request = Json.write(Json.object().set("contact", Json.object().put("name", name)));
        JsonNode opened;
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/widgets/" + BenchWorkspace.WIDGET + "/conversations"))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new BenchException("opening a conversation answered HTTP " + res.statusCode() + ": " + res.body());
            }
            opened = Json.MAPPER.readTree(res.body());
        } catch (IOException e) {
            throw new BenchException("opening a conversation failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while opening a conversation", e);
        }
        String id = opened.path("conversation_id").asText();
        String token = opened.path("contact_token").asText();
        ReplyStream replies = new ReplyStream();
        URI stream = URI.create("ws://127.0.0.1:" + port + "/api/web/v1/conversations/" + id + "/stream?token=" + token);
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(stream, replies)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchException("connecting the stream of " + id + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while connecting a stream", e);
        }
        return new WebContact(http, URI.create(base + "/conversations/" + id + "/messages"), token, socket, replies,
                timeout);
    }

    @Override
    public Outcome roundTrip(String body) {
        long start = System.nanoTime();
        CompletableFuture<Long> reply = replies.expect(body);
        String json = Json.write(Json.object().put("body", body).put("client_id", body));
        try {
            HttpResponse<Void> res = http.send(HttpRequest.newBuilder(messages).timeout(timeout)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() != 202) {
                replies.forget(body);
                return new Outcome.Failed("POST messages answered HTTP " + res.statusCode());
            }
            long left = timeout.toNanos() - (System.nanoTime() - start);
            return new Outcome.Replied(reply.get(Math.max(0, left), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            replies.forget(body);
            return new Outcome.Failed("no bot reply within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Outcome.Failed(e.getCause().getMessage());
        } catch (IOException e) {
            replies.forget(body);
            return new Outcome.Failed("POST messages failed: " + Clients.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replies.forget(body);
            return new Outcome.Failed("interrupted");
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").completeOnTimeout(socket, 1, TimeUnit.SECONDS)
                .exceptionally(e -> socket).join();
        socket.abort();
    }
}
