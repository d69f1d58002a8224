package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens on one contact's transcript stream and completes the wait for each bot reply
 * {@code "re: <body>"} with the {@code System.nanoTime()} at which its frame arrived.
 */
final class ReplyStream implements WebSocket.Listener {
    /** Tells the client each frame is fully handled when its callback returns. */
    private static final CompletionStage<Void> HANDLED = CompletableFuture.completedStage(null);

    private final ConcurrentHashMap<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String down = "";

    /** A future for the reply to {@code body}; register it before sending the message. */
    CompletableFuture<Long> expect(String body) {
        CompletableFuture<Long> reply = new CompletableFuture<>();
        waiting.put(body, reply);
        if (!down.isEmpty()) {
            fail(down);
        }
        return reply;
    }

    void forget(String body) {
        waiting.remove(body);
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long at = System.nanoTime();
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            handle(frame, at);
        }
        ws.request(1);
        return HANDLED;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        fail("stream closed by the server (" + status + ")");
        return HANDLED;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        fail("stream failed: " + error.getClass().getSimpleName());
    }

    private void handle(String frame, long at) {
        JsonNode item;
        try {
            item = Json.MAPPER.readTree(frame);
        } catch (Exception e) {
            fail("stream sent a frame that is not JSON");
            return;
        }
        if ("error".equals(item.path("type").asText())) {
            fail("stream refused: " + item.path("code").asText());
            return;
        }
        JsonNode packet = item.path("packet");
        if (!"item".equals(item.path("type").asText()) || !"bot".equals(item.path("author").path("type").asText())
                || !"message".equals(packet.path("name").asText())) {
            return;
        }
        String body = packet.path("payload").path("body").asText("");
        if (body.startsWith(EchoBot.PREFIX)) {
            CompletableFuture<Long> reply = waiting.remove(body.substring(EchoBot.PREFIX.length()));
            if (reply != null) {
                reply.complete(at);
            }
        }
    }

    private void fail(String reason) {
        down = reason;
        waiting.values().forEach(f -> f.completeExceptionally(new BenchException(reason)));
        waiting.clear();
    }
}
