package dev.parley.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Connects to the contact stream WebSocket and collects what it sends until it is closed or the wait is over. */
final class StreamProbe implements WebSocket.Listener, AutoCloseable {
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static StreamProbe connect(HttpClient client, String url) throws Exception {
        StreamProbe probe = new StreamProbe();
        probe.socket = client.newWebSocketBuilder().buildAsync(URI.create(url), probe).get(10, TimeUnit.SECONDS);
        return probe;
    }

    /** The close code the server sent, waiting up to 10 s for it. */
    int closeCode() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    List<String> frames() {
        return List.copyOf(frames);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
